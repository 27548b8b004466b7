package org.batchledger.hub.ledger;

import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.audit.AuditChanges;
import org.batchledger.lineage.ledger.audit.AuditEntry;
import org.batchledger.lineage.ledger.audit.ConsistencyProof;
import org.batchledger.lineage.ledger.audit.InclusionProof;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.StoredCheckpoint;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.json.RecordFields.Difference;
import org.batchledger.schema.record.RecordRef;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Checkpoints, proofs, verification and the audit trail; who may call each is stated in the schema. */
@Controller
class LedgerController {
    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;
    private final LedgerReads reads;
    private final LedgerVerifier verifier;
    private final AuditChanges changes;

    LedgerController(Checkpoints checkpoints, LedgerProofs proofs, LedgerReads reads, LedgerVerifier verifier,
                     AuditChanges changes) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.reads = reads;
        this.verifier = verifier;
        this.changes = changes;
    }

    @QueryMapping
    StoredCheckpoint ledgerCheckpoint() {
        return checkpoints.latest();
    }

    @QueryMapping
    InclusionProof inclusionProof(@Argument long seq, @Argument Long treeSize) {
        return proofs.inclusion(seq, treeSize);
    }

    @QueryMapping
    ConsistencyProof consistencyProof(@Argument long from, @Argument Long to) {
        return proofs.consistency(from, to);
    }

    @QueryMapping
    LedgerReport verifyLedger(@Argument String checkpoint) {
        return verifier.verify(checkpoint);
    }

    @QueryMapping
    Page<AuditEntry> auditTrail(@Argument String entity, @Argument Integer first, @Argument String after) {
        RecordRef ref = GlobalIds.parse(entity);
        return reads.auditTrail(ref.type(), ref.key(), Paging.of(first, after));
    }

    @QueryMapping
    Page<AuditEntry> ledgerEntries(@Argument Long from, @Argument Long to, @Argument Integer first,
                                   @Argument String after) {
        return reads.entries(from, to, Paging.of(first, after));
    }

    @BatchMapping(typeName = "LedgerEntry")
    Map<AuditEntry, List<Difference>> changes(List<AuditEntry> entries) {
        return changes.of(entries);
    }

    @SchemaMapping(typeName = "LedgerCheckpoint")
    String signature(StoredCheckpoint checkpoint) {
        return checkpoint.signatureLines();
    }

    @SchemaMapping(typeName = "LedgerCheckpoint")
    String publicKey(StoredCheckpoint checkpoint) {
        return checkpoint.verifierKey();
    }

    @SchemaMapping(typeName = "LedgerActor")
    String name(Actor actor) {
        return actor.displayName();
    }

    @SchemaMapping(typeName = "LedgerActor")
    String client(Actor actor) {
        return actor.clientId();
    }
}
