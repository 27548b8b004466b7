package org.batchledger.hub.ledger;

import java.time.Clock;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.audit.AuditChanges;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.Witnessing;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's services. The checkpoint key lives in {@code <data-dir>/keys}, created on first start and never
 * replaced. Beside it, {@code checkpoints.log} keeps every checkpoint signed (see {@link CheckpointLog}); its name is the log's origin ({@code batchledger.ledger.origin}), which must stay the same for the
 * life of the ledger, since it is part of every signed checkpoint and of the verifier key.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    NoteSigner checkpointSigner(HubProperties props,
                                @Value("${batchledger.ledger.origin:batchledger.hub/ledger}") String origin) {
        return HubKeys.loadOrCreate(props.dataDir().resolve("keys"), origin);
    }

    @Bean
    CheckpointLog checkpointLog(HubProperties props) {
        return CheckpointLog.beside(props.dataDir().resolve("keys"));
    }

    @Bean
    Checkpoints checkpoints(GraphDatabase db, NoteSigner signer, CheckpointLog log, ObjectProvider<Clock> clock) {
        return new Checkpoints(db, signer, log, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    LedgerProofs ledgerProofs(GraphDatabase db) {
        return new LedgerProofs(db);
    }

    @Bean
    LedgerReads ledgerReads(GraphDatabase db) {
        return new LedgerReads(db);
    }

    @Bean
    AuditChanges auditChanges(GraphDatabase db) {
        return new AuditChanges(db);
    }

    @Bean
    RecordCorrector recordCorrector(LedgeredWrite unitOfWork) {
        return new RecordCorrector(unitOfWork);
    }

    @Bean
    LedgerVerifier ledgerVerifier(GraphDatabase db, NoteSigner signer, CheckpointLog log,
                                  WitnessProperties witnesses, Checkpoints checkpoints) {
        // other hubs on the same database sign too: their checkpoints are adopted into this hub's log first
        return new LedgerVerifier(db, NoteVerifier.of(signer.verifierKey()), log).requiringCosignatures(
                witnesses.endpoints().stream().map(Witnessing.Endpoint::key).toList(),
                witnesses.witnessesRequired()).adoptingFirst(checkpoints::adoptStored);
    }
}
