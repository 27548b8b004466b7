package org.batchledger.lineage.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.release.CheckStatus;
import org.batchledger.lineage.release.Evidence;
import org.batchledger.lineage.release.ExceptionClass;
import org.batchledger.lineage.release.ReadinessCheck;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.ReviewException;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaRuleSet;
import org.batchledger.lineage.release.alcoa.RawDataStore;
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
import org.batchledger.schema.record.ExceptionDisposition.ExceptionDecision;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness check {@code exceptions-reviewed} on the blocked release fixture (an OOS result, an open deviation, a
 * quarantined lot upstream): FAIL naming how many and which classes are open with links to their records; PASS once
 * each is accepted or has a deviation raised; open again when a record behind a decision is corrected or the
 * decision's signature is withdrawn; and its cost, one query.
 */
@Tag("REQ-RELEASE-045")
@Tag("REQ-RELEASE-046")
class ExceptionsReviewedIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final ReleaseReadiness readiness = new ReleaseReadiness(NEO4J.db(), new GenealogyTraversal(NEO4J.db()),
            ReleasePlant.specifications(), ReleaseReadiness.DEFAULT_LIMITS,
            new AlcoaEngine(NEO4J.db(), AlcoaRuleSet.shipped(), ReleasePlant.specifications(), RawDataStore.UNKNOWN));
    private final ExceptionDispositions dispositions = new ExceptionDispositions(NEO4J.db(), unitOfWork, readiness,
            MeaningRules.defaults(), Duration.ofMinutes(5), Clock.systemUTC());
    @TempDir
    Path keys;

    @BeforeEach
    void blockedBatch() {
        NEO4J.clean();
        ReleasePlant.blocked().write(new RecordWriter(unitOfWork));
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
    }

    private static AsOf head() {
        return new AsOf(NEO4J.db().read(LedgerHead::read).treeSize());
    }

    private ReleaseReadiness.Evaluation evaluation() {
        return readiness.evaluate(ReleasePlant.BATCH, head()).orElseThrow();
    }

    private ReadinessCheck check() {
        return evaluation().readiness().checks().stream().filter(c -> c.name().equals("exceptions-reviewed"))
                .findFirst().orElseThrow();
    }

    private List<ReviewException> exceptions() {
        return evaluation().exceptions();
    }

    private ExceptionDispositions.Decided decide(ReviewException x, ExceptionDecision decision) {
        return dispositions.dispose(new ExceptionDispositionRequest(ReleasePlant.BATCH, x.id(), decision,
                "reviewed: " + x.exceptionClass(), RELEASER, Instant.now(), UUID.randomUUID().toString()));
    }

    @Test
    void openExceptionsFailNamingHowManyAndWhichClassesWithLinksToTheirRecords() {
        ReadinessCheck c = check();

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.explanation()).isEqualTo("3 of the 3 review exceptions of batch rp:B-TAB are not dispositioned"
                + " (OOS_RESULT, OPEN_DEVIATION, UNRELEASED_MATERIAL).");
        assertThat(c.evidence()).extracting(Evidence::record).containsExactly(
                new RecordRef(RecordType.TEST_RESULT, "rp:TR-DISS"), new RecordRef(RecordType.DEVIATION, "rp:DEV-7"),
                new RecordRef(RecordType.LOT, ReleasePlant.LOT_API));
        assertThat(c.evidence().getFirst().label()).startsWith("OOS_RESULT RX-");
    }

    @Test
    void everyExceptionAcceptedPassesAndARaisedDeviationIsAnOpenExceptionOfItsOwn() {
        List<ReviewException> all = exceptions();
        decide(all.get(0), ExceptionDecision.ACCEPT);
        decide(all.get(1), ExceptionDecision.ACCEPT);
        assertThat(check().explanation()).startsWith("1 of the 3 review exceptions").endsWith("(UNRELEASED_MATERIAL).");

        decide(all.get(2), ExceptionDecision.ACCEPT);

        ReadinessCheck passed = check();
        assertThat(passed.status()).isEqualTo(CheckStatus.PASS);
        assertThat(passed.explanation()).isEqualTo("All 3 review exceptions of batch rp:B-TAB are dispositioned:"
                + " 3 accepted, 0 with a deviation raised.");
        assertThat(passed.evidence()).extracting(e -> e.record().type()).containsOnly(RecordType.EXCEPTION_DISPOSITION);
        // the other checks still fail on their own: acceptance overrides none of them
        assertThat(evaluation().readiness().ready()).isFalse();
    }

    @Test
    void aDeviationRaisedFromAnExceptionIsAnOpenExceptionOfItsOwnUntilDecided() {
        ExceptionDispositions.Decided raised = decide(exceptions().getFirst(), ExceptionDecision.RAISE_DEVIATION);

        ReadinessCheck c = check();

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.explanation()).contains("OPEN_DEVIATION ×2").doesNotContain("OOS_RESULT");
        assertThat(c.evidence()).extracting(Evidence::record).contains(RecordRef.of(raised.deviation()));
    }

    @Test
    void anExceptionRaisedAgainAfterACorrectionCountsAsNotReviewed() {
        ReviewException oos = exceptions().stream().filter(x -> x.exceptionClass() == ExceptionClass.OOS_RESULT)
                .findFirst().orElseThrow();
        decide(oos, ExceptionDecision.ACCEPT);
        assertThat(check().explanation()).startsWith("2 of the 3");

        new RecordCorrector(unitOfWork).correct(new CorrectionRequest(RecordType.TEST_RESULT, "rp:TR-DISS",
                Map.of("value", "72"), ReleasePlant.AUDITOR, "transcription error", UUID.randomUUID().toString()));

        ReadinessCheck c = check();
        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.explanation()).contains("OOS_RESULT").contains("1 of them raised again since its records changed"
                + " after the decision");
        assertThat(c.evidence()).anySatisfy(e -> assertThat(e.label()).startsWith("OOS_RESULT " + oos.id()
                + " (raised again)"));
    }

    @Test
    void aDecisionWhoseSignatureIsWithdrawnCoversNothing() {
        ReviewException oos = exceptions().getFirst();
        var accepted = decide(oos, ExceptionDecision.ACCEPT);
        assertThat(check().explanation()).startsWith("2 of the 3");

        new SignatureWithdrawals(unitOfWork, Clock.systemUTC()).withdraw(new WithdrawalRequest(
                accepted.signature().key(), "accepted without the retest", RELEASER, UUID.randomUUID().toString()));

        assertThat(check().explanation()).startsWith("3 of the 3");
    }

    @Test
    void theCheckCostsOneQueryForTheDecisionsAndTheEvidence() {
        decide(exceptions().getFirst(), ExceptionDecision.ACCEPT);
        List<ReviewException> all = exceptions();
        AsOf at = head();

        long before = NEO4J.db().roundTrips();
        var reviews = NEO4J.db().read(tx -> org.batchledger.lineage.release.ExceptionReviews.reviews(tx,
                Map.of(ReleasePlant.BATCH, all), at));

        assertThat(NEO4J.db().roundTrips() - before).isEqualTo(1);
        assertThat(reviews.get(ReleasePlant.BATCH)).hasSize(3).filteredOn(r -> r.dispositioned()).hasSize(1);
    }
}
