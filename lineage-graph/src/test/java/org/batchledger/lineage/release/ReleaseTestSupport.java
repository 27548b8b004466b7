package org.batchledger.lineage.release;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaRuleSet;
import org.batchledger.lineage.release.alcoa.RawDataStore;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.release.ReleaseReadiness.Evaluation;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.batchledger.lineage.write.WithdrawalRequest;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.release.Specifications;

/** Writes a {@link ReleasePlant}, changes it through the ledger, signs checkpoints and evaluates it. */
final class ReleaseTestSupport {
    static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final Path keys;

    ReleaseTestSupport(Path keys) {
        this.keys = keys;
        NEO4J.clean();
        try { // the checkpoint log remembers the ledger it signed for; a new ledger starts a new log
            java.nio.file.Files.deleteIfExists(keys.resolve(
                    org.batchledger.lineage.ledger.checkpoint.CheckpointLog.FILE_NAME));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes the plant and signs a checkpoint over it. */
    ReleaseTestSupport write(ReleasePlant plant) {
        plant.write(new RecordWriter(unitOfWork));
        return checkpoint();
    }

    ReleaseTestSupport add(LedgerRecord... records) {
        new RecordWriter(unitOfWork).write(WriteRequest.of(java.util.List.of(records), ReleasePlant.OPERATOR, "more"));
        return this;
    }

    ReleaseTestSupport checkpoint() {
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
        return this;
    }

    ReleaseTestSupport correct(RecordType type, String key, Map<String, Object> changes, Actor by) {
        new RecordCorrector(unitOfWork).correct(new CorrectionRequest(type, key, changes, by, "transcription error",
                UUID.randomUUID().toString()));
        return this;
    }

    ReleaseTestSupport withdraw(String signatureKey, Actor by) {
        new SignatureWithdrawals(unitOfWork, Clock.systemUTC()).withdraw(new WithdrawalRequest(signatureKey,
                "signed in error", by, UUID.randomUUID().toString()));
        return this;
    }

    static long head() {
        return NEO4J.db().read(LedgerHead::read).treeSize();
    }

    static ReleaseReadiness readiness(Specifications specs, TraceLimits limits) {
        return new ReleaseReadiness(NEO4J.db(), new GenealogyTraversal(NEO4J.db()), specs, limits,
                new AlcoaEngine(NEO4J.db(), AlcoaRuleSet.shipped(), specs, RawDataStore.UNKNOWN));
    }

    static Evaluation evaluate() {
        return evaluate(ReleasePlant.specifications());
    }

    static Evaluation evaluate(Specifications specs) {
        return readiness(specs, ReleaseReadiness.DEFAULT_LIMITS).evaluate(ReleasePlant.BATCH, new AsOf(head()))
                .orElseThrow();
    }

    static ReadinessCheck check(Evaluation e, String name) {
        return e.readiness().checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static java.util.List<ReviewException> exceptions(Evaluation e, ExceptionClass c) {
        return e.exceptions().stream().filter(x -> x.exceptionClass() == c).toList();
    }
}
