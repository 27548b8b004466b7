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
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.release.ExceptionClass;
import org.batchledger.lineage.release.ExceptionReviews;
import org.batchledger.lineage.release.ReleaseQueue;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.ReviewException;
import org.batchledger.lineage.release.Verdict;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaRuleSet;
import org.batchledger.lineage.release.alcoa.RawDataStore;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.IdempotencyConflictException;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.batchledger.lineage.write.WithdrawalRequest;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.ExceptionDisposition.ExceptionDecision;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dispositionException through the unit of work, on the blocked release fixture (an OOS dissolution result, an open
 * MAJOR deviation, an API lot in quarantine): acceptance and a raised deviation, each one signed ledger write; the
 * decision's binding to the evidence (a correction of the result un-covers it); and every refusal, a typed error
 * naming the rule, with the ledger unchanged.
 */
@Tag("REQ-SIGNATURE-010")
@Tag("REQ-WORKFLOW-011")
class ExceptionDispositionIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor REVIEWER = ReleasePlant.REVIEWER;
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private static final Actor ANALYST = new Actor("sub-ana", "Ana Lyst", List.of("qa-reviewer"), "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final GenealogyTraversal traversal = new GenealogyTraversal(NEO4J.db());
    private final ReleaseReadiness readiness = new ReleaseReadiness(NEO4J.db(), traversal,
            ReleasePlant.specifications(), ReleaseReadiness.DEFAULT_LIMITS,
            new AlcoaEngine(NEO4J.db(), AlcoaRuleSet.shipped(), ReleasePlant.specifications(), RawDataStore.UNKNOWN));
    private final ExceptionDispositions dispositions = new ExceptionDispositions(NEO4J.db(), unitOfWork, readiness,
            MeaningRules.defaults(), Duration.ofMinutes(5), Clock.systemUTC());
    private final ExceptionReviews reviews = new ExceptionReviews(NEO4J.db());
    @TempDir
    Path keys;

    @BeforeEach
    void blockedBatch() {
        NEO4J.clean();
        ReleasePlant.blocked().write(new RecordWriter(unitOfWork));
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
    }

    private static long size() {
        return NEO4J.db().read(LedgerHead::read).treeSize();
    }

    private List<ExceptionReviews.Review> queue() {
        AsOf at = new AsOf(size());
        return reviews.of(ReleasePlant.BATCH, readiness.evaluate(ReleasePlant.BATCH, at).orElseThrow().exceptions(),
                at);
    }

    private ReviewException exception(ExceptionClass c) {
        return queue().stream().map(ExceptionReviews.Review::exception).filter(x -> x.exceptionClass() == c)
                .findFirst().orElseThrow();
    }

    private ExceptionReviews.Review review(String id) {
        return queue().stream().filter(r -> r.exception().id().equals(id)).findFirst().orElseThrow();
    }

    private ExceptionDispositions.Decided decide(Actor who, String exceptionId, ExceptionDecision decision,
                                                 String comment) {
        return decide(who, exceptionId, decision, comment, Instant.now(), UUID.randomUUID().toString());
    }

    private ExceptionDispositions.Decided decide(Actor who, String exceptionId, ExceptionDecision decision,
                                                 String comment, Instant authTime, String idempotencyKey) {
        return dispositions.dispose(new ExceptionDispositionRequest(ReleasePlant.BATCH, exceptionId, decision,
                comment, who, authTime, idempotencyKey));
    }

    private void refused(Runnable attempt, String rule) {
        long before = size();
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(SignatureRefusedException.class,
                e -> assertThat(e.rule().id()).isEqualTo(rule));
        assertThat(size()).as("a refused decision writes nothing").isEqualTo(before);
    }

    private boolean verifies() {
        return new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null).ok();
    }

    private int openExceptions() {
        return new ReleaseQueue(NEO4J.db(), readiness).page(ReleaseQueue.Filter.NONE, new PageRequest(10, null),
                new AsOf(size())).page().items().getFirst().openExceptions();
    }

    @Test
    void anAcceptedExceptionIsSignedShowsAsDispositionedAndNoLongerCountsAsOpen() {
        ReviewException oos = exception(ExceptionClass.OOS_RESULT);
        int open = openExceptions();
        long before = size();

        var done = decide(REVIEWER, oos.id(), ExceptionDecision.ACCEPT, "retest within limits, see LIMS 4711");

        assertThat(done.seq()).as("disposition and signature: one write").isEqualTo(before + 2);
        assertThat(done.deviation()).isNull();
        assertThat(done.disposition().exceptionId()).isEqualTo(oos.id());
        assertThat(done.disposition().exceptionClass()).isEqualTo("OOS_RESULT");
        assertThat(done.signature().meaning()).isEqualTo(SignatureMeaning.EXCEPTION_REVIEWED);
        assertThat(done.signature().signs()).isEqualTo(new RecordRef(RecordType.EXCEPTION_DISPOSITION,
                done.disposition().key()));
        assertThat(done.signature().signedContentHash()).isEqualTo(CanonicalJson.contentHash(done.disposition()));
        var review = review(oos.id());
        assertThat(review.dispositioned()).isTrue();
        assertThat(review.covering().orElseThrow().decidedBy()).isEqualTo("Quinn Reviewer");
        assertThat(review.covering().orElseThrow().decision()).isEqualTo("ACCEPT");
        assertThat(review.covering().orElseThrow().comment()).isEqualTo("retest within limits, see LIMS 4711");
        assertThat(review.evidenceSha256()).isEqualTo(done.disposition().evidenceSha256());
        assertThat(openExceptions()).isEqualTo(open - 1);
        // acceptance does not override a failing check: the OOS result still fails "tests in spec"
        assertThat(readiness.evaluate(ReleasePlant.BATCH, new AsOf(size())).orElseThrow().readiness().verdict())
                .isEqualTo(Verdict.BLOCKED);
        assertThat(verifies()).as("verifyLedger after an exception disposition").isTrue();
    }

    @Test
    @Tag("REQ-WORKFLOW-010")
    void aCorrectionOfTheRecordBehindAnAcceptedExceptionMeansTheAcceptanceNoLongerCoversIt() {
        ReviewException oos = exception(ExceptionClass.OOS_RESULT);
        var accepted = decide(RELEASER, oos.id(), ExceptionDecision.ACCEPT, "accepted on retest");
        new RecordCorrector(unitOfWork).correct(new CorrectionRequest(RecordType.TEST_RESULT, "rp:TR-DISS",
                Map.of("value", "72"), ReleasePlant.AUDITOR, "transcription error", UUID.randomUUID().toString()));

        var review = review(oos.id());

        assertThat(review.exception().id()).as("the same exception").isEqualTo(oos.id());
        assertThat(review.dispositioned()).isFalse();
        assertThat(review.earlier()).extracting(ExceptionReviews.Decision::key)
                .containsExactly(accepted.disposition().key());
        // the new instance can be decided again
        assertThat(decide(RELEASER, oos.id(), ExceptionDecision.ACCEPT, "accepted again after correction")
                .disposition().evidenceSha256()).isNotEqualTo(accepted.disposition().evidenceSha256());
        assertThat(review(oos.id()).dispositioned()).isTrue();
    }

    @Test
    void raisingADeviationCreatesAnOpenDeviationImpactingTheBatchInTheSameWriteAndOnlyOnce() {
        ReviewException oos = exception(ExceptionClass.OOS_RESULT);
        long before = size();

        var raised = decide(REVIEWER, oos.id(), ExceptionDecision.RAISE_DEVIATION, "dissolution OOS: investigate");

        assertThat(raised.seq()).as("deviation, disposition and signature: one write").isEqualTo(before + 3);
        Deviation d = raised.deviation();
        assertThat(d.status()).isEqualTo(Deviation.DeviationStatus.OPEN);
        assertThat(d.severity()).isEqualTo(Deviation.Severity.CRITICAL);
        assertThat(d.impacts()).containsExactly(new RecordRef(RecordType.BATCH, ReleasePlant.BATCH));
        assertThat(d.title()).startsWith("Review exception OOS_RESULT: Result rp:TR-DISS");
        assertThat(raised.disposition().deviationKey()).isEqualTo(d.key());
        assertThat(review(oos.id()).covering().orElseThrow().deviationKey()).isEqualTo(d.key());
        // the deviation now shows in the queue as an open deviation of its own
        assertThat(queue()).anySatisfy(r -> assertThat(r.exception().records())
                .anySatisfy(e -> assertThat(e.record()).isEqualTo(RecordRef.of(d))));
        assertThat(verifies()).isTrue();

        refused(() -> decide(RELEASER, oos.id(), ExceptionDecision.RAISE_DEVIATION, "again"),
                "SIG-EXCEPTION-ONCE");
        new RecordCorrector(unitOfWork).correct(new CorrectionRequest(RecordType.TEST_RESULT, "rp:TR-DISS",
                Map.of("value", "70"), ReleasePlant.AUDITOR, "transcription error", UUID.randomUUID().toString()));
        refused(() -> decide(RELEASER, oos.id(), ExceptionDecision.RAISE_DEVIATION, "and again"),
                "SIG-EXCEPTION-DEVIATION-ONCE");
    }

    @Test
    void unknownExceptionsAndBatchesAreRefused() {
        refused(() -> decide(REVIEWER, "RX-000000000000000000000000", ExceptionDecision.ACCEPT, "fine"),
                "SIG-EXCEPTION-UNKNOWN");
        refused(() -> dispositions.dispose(new ExceptionDispositionRequest("rp:NO-SUCH-BATCH", "RX-1",
                ExceptionDecision.ACCEPT, "fine", REVIEWER, Instant.now(), UUID.randomUUID().toString())),
                "SIG-RECORD");
    }

    @Test
    void aSecondDecisionOnTheSameEvidenceIsRefusedUntilTheFirstSignatureIsWithdrawn() {
        String id = exception(ExceptionClass.OOS_RESULT).id();
        var first = decide(REVIEWER, id, ExceptionDecision.ACCEPT, "accepted");

        refused(() -> decide(RELEASER, id, ExceptionDecision.ACCEPT, "accepted too"), "SIG-EXCEPTION-ONCE");

        new SignatureWithdrawals(unitOfWork, Clock.systemUTC()).withdraw(new WithdrawalRequest(
                first.signature().key(), "signed in error", REVIEWER, UUID.randomUUID().toString()));
        assertThat(review(id).dispositioned()).as("a withdrawn decision covers nothing").isFalse();
        assertThat(decide(RELEASER, id, ExceptionDecision.ACCEPT, "accepted on review").disposition()).isNotNull();
    }

    @Test
    void wrongRoleMissingOrOverlongCommentStaleAuthenticationAndOwnRecordsAreRefused() {
        String id = exception(ExceptionClass.OOS_RESULT).id();

        refused(() -> decide(ReleasePlant.OPERATOR, id, ExceptionDecision.ACCEPT, "fine"), "SIG-EXCEPTION-ROLE");
        refused(() -> decide(REVIEWER, id, ExceptionDecision.ACCEPT, "  "), "SIG-EXCEPTION-COMMENT");
        refused(() -> decide(REVIEWER, id, ExceptionDecision.ACCEPT, "x".repeat(2001)), "SIG-EXCEPTION-COMMENT");
        refused(() -> decide(REVIEWER, id, ExceptionDecision.ACCEPT, "fine", Instant.now().minus(
                Duration.ofMinutes(30)), UUID.randomUUID().toString()), "SIG-REAUTH");
        // the analyst named on the OOS result does not review it
        refused(() -> decide(ANALYST, id, ExceptionDecision.ACCEPT, "my own result is fine"), "SIG-SOD-REVIEW-OWN");
    }

    @Test
    void aRetryWithTheSameKeyReplaysAndTheSameKeyWithOtherContentIsRefused() {
        String id = exception(ExceptionClass.OOS_RESULT).id();
        String key = UUID.randomUUID().toString();
        var first = decide(REVIEWER, id, ExceptionDecision.ACCEPT, "accepted", Instant.now(), key);
        long after = size();

        var again = decide(REVIEWER, id, ExceptionDecision.ACCEPT, "accepted", Instant.now(), key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.disposition()).isEqualTo(first.disposition());
        assertThat(size()).isEqualTo(after);
        assertThatThrownBy(() -> decide(REVIEWER, id, ExceptionDecision.RAISE_DEVIATION, "accepted", Instant.now(),
                key)).isInstanceOf(IdempotencyConflictException.class);
        assertThat(size()).isEqualTo(after);
    }
}
