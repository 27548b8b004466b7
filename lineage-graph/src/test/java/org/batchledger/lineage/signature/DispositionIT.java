package org.batchledger.lineage.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.Verdict;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaRuleSet;
import org.batchledger.lineage.release.alcoa.RawDataStore;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.batchledger.lineage.write.WithdrawalRequest;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Disposition;
import org.batchledger.schema.record.Disposition.DispositionDecision;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * disposition through the unit of work, on the release fixture: what it records and changes, the genealogy snapshot
 * it signs (re-run as of its tree size), and every refusal (a typed error naming the rule, the ledger unchanged).
 */
@Tag("REQ-SIGNATURE-008")
class DispositionIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private static final Actor OPERATOR_RELEASER = new Actor(ReleasePlant.OPERATOR.subject(),
            ReleasePlant.OPERATOR.displayName(), List.of("operator", "qa-release"), "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final GenealogyTraversal traversal = new GenealogyTraversal(NEO4J.db());
    private final ReleaseReadiness readiness = new ReleaseReadiness(NEO4J.db(), traversal,
            ReleasePlant.specifications(), ReleaseReadiness.DEFAULT_LIMITS,
            new AlcoaEngine(NEO4J.db(), AlcoaRuleSet.shipped(), ReleasePlant.specifications(), RawDataStore.UNKNOWN));
    private final Dispositions dispositions = new Dispositions(NEO4J.db(), unitOfWork, readiness, traversal,
            MeaningRules.defaults(), Duration.ofMinutes(5), Clock.systemUTC());
    @TempDir
    Path keys;

    private void plant(ReleasePlant plant) {
        NEO4J.clean();
        plant.write(new RecordWriter(unitOfWork));
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
    }

    private Dispositions.Disposed dispose(Actor who, DispositionDecision decision, String justification) {
        return dispositions.dispose(new DispositionRequest(ReleasePlant.BATCH, decision, justification, who,
                Instant.now(), UUID.randomUUID().toString()));
    }

    private static long size() {
        return NEO4J.db().read(LedgerHead::read).treeSize();
    }

    private Verdict verdict() {
        return readiness.evaluate(ReleasePlant.BATCH, new AsOf(size())).orElseThrow().readiness().verdict();
    }

    private boolean verifies() {
        return new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null).ok();
    }

    private static String status(RecordType type, String key) {
        return NEO4J.db().read(tx -> tx.run("MATCH (n:" + type.graphName()
                + " {key: $k}) WHERE n.supersededAtSeq IS NULL RETURN n.status AS s", Map.of("k", key))
                .single().get("s").asString());
    }

    private void refused(Runnable attempt, String rule) {
        long before = size();
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(SignatureRefusedException.class,
                e -> assertThat(e.rule().id()).isEqualTo(rule));
        assertThat(size()).as("a refused disposition writes nothing").isEqualTo(before);
    }

    @Test
    @Tag("REQ-SIGNATURE-030")
    void aReadyBatchIsReleasedWithoutJustificationAndItsBatchAndLotsBecomeReleasedInTheSameWrite() {
        plant(ReleasePlant.ready());
        assertThat(verdict()).isEqualTo(Verdict.READY);
        long before = size();

        Dispositions.Disposed d = dispose(RELEASER, DispositionDecision.RELEASED, null);

        assertThat(d.disposition().ready()).isTrue();
        assertThat(d.disposition().failingChecks()).isEmpty();
        assertThat(d.signature().meaning()).isEqualTo(SignatureMeaning.RELEASED);
        assertThat(d.signature().printedName()).isEqualTo("Rosa Releaser");
        assertThat(d.batch().status()).isEqualTo(BatchStatus.RELEASED);
        assertThat(status(RecordType.BATCH, ReleasePlant.BATCH)).isEqualTo("RELEASED");
        assertThat(status(RecordType.LOT, ReleasePlant.LOT_TABLETS)).isEqualTo("RELEASED");
        // batch and lot new versions, the signature and the disposition: one commit
        assertThat(d.seq()).isEqualTo(before + 4);
        assertThat(verdict()).isEqualTo(Verdict.RELEASED);
        assertThat(verifies()).as("verifyLedger after a release").isTrue();
    }

    @Test
    @Tag("REQ-SIGNATURE-031")
    void theReleaseSignsAGenealogySnapshotThatTheTraceAsOfItsTreeSizeReproduces() {
        plant(ReleasePlant.ready());
        Disposition d = dispose(RELEASER, DispositionDecision.RELEASED, null).disposition();
        // later writes do not change what the release saw
        new RecordWriter(unitOfWork).write(org.batchledger.lineage.write.WriteRequest.of(List.of(
                ReleasePlant.lot("rp:LOT-LATE", "rp:MAT-API", org.batchledger.schema.record.Lot.LotStatus.QUARANTINE)),
                ReleasePlant.OPERATOR, "later"));

        var again = traversal.trace(new RecordRef(RecordType.BATCH, ReleasePlant.BATCH), TraceDirection.UPSTREAM,
                ReleaseReadiness.DEFAULT_LIMITS, new AsOf(d.snapshotTreeSize())).orElseThrow();
        GenealogySnapshot rerun = GenealogySnapshot.of(d.snapshotTreeSize(), again);

        assertThat(rerun.nodesSha256()).isEqualTo(d.upstreamNodesSha256());
        assertThat(rerun.edgesSha256()).isEqualTo(d.upstreamEdgesSha256());
        assertThat((long) rerun.nodeCount()).isEqualTo(d.upstreamNodeCount()).isEqualTo(5);
        assertThat(d.upstreamEdgeCount()).isEqualTo(4L);
        assertThat(d.upstreamNodesSha256()).matches("[0-9a-f]{64}");
    }

    @Test
    @Tag("REQ-SIGNATURE-032")
    void aBlockedBatchIsHeldWithAJustificationAndShowsOnHoldWhileTheSecondDispositionIsRefusedUntilWithdrawn() {
        plant(ReleasePlant.blocked());
        assertThat(verdict()).isEqualTo(Verdict.BLOCKED);

        Dispositions.Disposed held = dispose(RELEASER, DispositionDecision.ON_HOLD, "held pending investigation");

        assertThat(held.disposition().ready()).isFalse();
        assertThat(held.disposition().failingChecks()).contains("upstream-released: FAIL", "tests-in-spec: FAIL");
        assertThat(status(RecordType.BATCH, ReleasePlant.BATCH)).isEqualTo("UNDER_REVIEW");
        assertThat(verdict()).isEqualTo(Verdict.ON_HOLD);
        refused(() -> dispose(RELEASER, DispositionDecision.REJECTED, "second"), "SIG-DISPOSITION-ONCE");

        new SignatureWithdrawals(unitOfWork, Clock.systemUTC()).withdraw(new WithdrawalRequest(
                held.signature().key(), "investigation concluded", RELEASER, UUID.randomUUID().toString()));
        assertThat(verdict()).isEqualTo(Verdict.BLOCKED);
        Dispositions.Disposed rejected = dispose(RELEASER, DispositionDecision.REJECTED, "OOS dissolution confirmed");

        assertThat(rejected.batch().status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(status(RecordType.LOT, ReleasePlant.LOT_TABLETS)).isEqualTo("REJECTED");
        assertThat(verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(verifies()).as("verifyLedger after hold, withdrawal and rejection").isTrue();
    }

    @Test
    @Tag("REQ-SIGNATURE-033")
    void everyRefusalNamesItsRuleAndWritesNothing() {
        plant(ReleasePlant.blocked());
        refused(() -> dispose(ReleasePlant.REVIEWER, DispositionDecision.ON_HOLD, "check"), "SIG-DISPOSITION-ROLE");
        refused(() -> dispose(RELEASER, DispositionDecision.RELEASED, null), "SIG-DISPOSITION-JUSTIFICATION");
        refused(() -> dispose(RELEASER, DispositionDecision.RELEASED, "  "), "SIG-DISPOSITION-JUSTIFICATION");
        refused(() -> dispositions.dispose(new DispositionRequest(ReleasePlant.BATCH, DispositionDecision.ON_HOLD,
                "held", RELEASER, Instant.now().minus(Duration.ofMinutes(6)), UUID.randomUUID().toString())),
                "SIG-REAUTH");
        refused(() -> dispositions.dispose(new DispositionRequest("rp:NO-SUCH", DispositionDecision.ON_HOLD,
                "held", RELEASER, Instant.now(), UUID.randomUUID().toString())), "SIG-RECORD");
        // the batch's performer holds qa-release too: still not its releaser
        refused(() -> dispose(OPERATOR_RELEASER, DispositionDecision.ON_HOLD, "held"), "SIG-SOD-THREE-PEOPLE");
        assertThat(verifies()).isTrue();
    }

    @Test
    @Tag("REQ-SIGNATURE-034")
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameDispositionAndWritesNothingMore() {
        plant(ReleasePlant.blocked());
        DispositionRequest request = new DispositionRequest(ReleasePlant.BATCH, DispositionDecision.ON_HOLD,
                "held pending investigation", RELEASER, Instant.now(), UUID.randomUUID().toString());
        Dispositions.Disposed first = dispositions.dispose(request);
        long after = size();

        Dispositions.Disposed retry = dispositions.dispose(request);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.disposition()).isEqualTo(first.disposition());
        assertThat(size()).isEqualTo(after);
    }
}
