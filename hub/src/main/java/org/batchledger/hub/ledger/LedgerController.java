package org.batchledger.hub.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.batchledger.hub.api.UnavailableException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Checkpoints, proofs, verification and the audit trail; who may call each is stated in the schema. */
@Controller
class LedgerController {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerController.class);
    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;
    private final LedgerReads reads;
    private final LedgerVerifier verifier;
    private final AuditChanges changes;
    private final Duration verifyDeadline;
    private final ExecutorService verifications = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ledger-verification").daemon().factory());
    private Future<LedgerReport> running;

    LedgerController(Checkpoints checkpoints, LedgerProofs proofs, LedgerReads reads, LedgerVerifier verifier,
                     AuditChanges changes,
                     @Value("${batchledger.ledger.verify-deadline:10m}") Duration verifyDeadline) {
        this.verifyDeadline = verifyDeadline;
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

    /**
     * One verification at a time per hub (it reads the whole ledger), answered within a deadline; past it the
     * verification still finishes in the background and logs its result, and the slot stays taken until then.
     */
    @QueryMapping
    LedgerReport verifyLedger(@Argument String checkpoint) throws InterruptedException {
        Future<LedgerReport> run;
        synchronized (this) {
            if (running != null && !running.isDone()) {
                throw new UnavailableException("a ledger verification is already running on this hub (one at a time);"
                        + " retry when it has finished");
            }
            run = verifications.submit(() -> {
                LedgerReport report = verifier.verify(checkpoint);
                LOG.info("Ledger verification finished: ok={} entries={}", report.ok(), report.treeSize());
                return report;
            });
            running = run;
        }
        try {
            return run.get(verifyDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UnavailableException("verifyLedger did not finish within its deadline of "
                    + verifyDeadline.toSeconds() + " s; it goes on and logs its result. For a large ledger use the"
                    + " verify command line (see README)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
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

    /** The note with the witnesses' cosignature lines after the hub's signature, as an inspector exports it. */
    @SchemaMapping(typeName = "LedgerCheckpoint")
    String note(StoredCheckpoint checkpoint) {
        return checkpoint.cosignedNote();
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
