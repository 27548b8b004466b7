package org.batchledger.lineage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.lineage.release.ReleaseTestSupport.check;
import static org.batchledger.lineage.release.ReleaseTestSupport.evaluate;
import static org.batchledger.lineage.release.ReleaseTestSupport.exceptions;
import static org.batchledger.lineage.testsupport.ReleasePlant.AUDITOR;
import static org.batchledger.lineage.testsupport.ReleasePlant.BATCH;
import static org.batchledger.lineage.testsupport.ReleasePlant.OPERATOR;
import static org.batchledger.lineage.testsupport.ReleasePlant.REVIEWER;
import static org.batchledger.lineage.testsupport.ReleasePlant.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.batchledger.lineage.release.ReleaseReadiness.Evaluation;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit-trail review: done, independent and after the last correction; and the exception class listing every
 * correction since the last review.
 */
@Tag("REQ-RELEASE-008")
@Tag("REQ-RELEASE-004")
class AuditTrailReviewIT {
    @TempDir
    Path keys;

    private ReleaseTestSupport unreviewed() {
        return new ReleaseTestSupport(keys).write(ReleasePlant.ready().without(RecordType.SIGNATURE, "rp:S-ATR"));
    }

    private static Signature review(String key, org.batchledger.lineage.ledger.Actor by) {
        Signature s = ReleasePlant.signature(key, BATCH, by, SignatureMeaning.AUDIT_TRAIL_REVIEWED,
                T0.plus(Duration.ofDays(3)));
        Object batch = ReleaseTestSupport.NEO4J.db().read(tx -> tx.run(
                "MATCH (b:Batch {key: $k}) WHERE b.supersededAtSeq IS NULL RETURN b.contentHash AS h",
                Map.of("k", BATCH)).single().get("h").asString());
        return new Signature(s.key(), s.signs(), (String) batch, s.signerSubject(), s.printedName(), s.meaning(),
                s.reason(), s.signedAt(), null, s.provenance());
    }

    @Test
    void noReviewYetIsIncomplete() {
        unreviewed();

        ReadinessCheck c = check(evaluate(), "audit-trail-reviewed");
        assertThat(c.status()).isEqualTo(CheckStatus.INCOMPLETE);
        assertThat(c.explanation()).isEqualTo("The audit trail of batch rp:B-TAB has not been reviewed (no "
                + "AUDIT_TRAIL_REVIEWED signature).");
    }

    @Test
    void aReviewByThePerformerOrByACorrectorIsNotIndependent() {
        unreviewed().add(review("rp:S-ATR", OPERATOR)).checkpoint();
        assertThat(check(evaluate(), "audit-trail-reviewed").status()).isEqualTo(CheckStatus.FAIL);

        unreviewed().correct(RecordType.STEP_RECORD, "rp:SR-1", Map.of("value", "96"), AUDITOR)
                .add(review("rp:S-ATR", AUDITOR)).checkpoint();
        ReadinessCheck c = check(evaluate(), "audit-trail-reviewed");
        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.explanation()).isEqualTo("The audit-trail review rp:S-ATR by Avery Auditor is not independent: "
                + "they performed or corrected records of batch rp:B-TAB.");
    }

    @Test
    void aCorrectionAfterTheReviewNeedsANewReviewAndIsListedForIt() {
        new ReleaseTestSupport(keys).write(ReleasePlant.ready())
                .correct(RecordType.STEP_RECORD, "rp:SR-1", Map.of("value", "96"), OPERATOR)
                .correct(RecordType.TEST_RESULT, "rp:TR-ASSAY", Map.of("value", "99.6"), REVIEWER).checkpoint();

        Evaluation e = evaluate();
        ReadinessCheck c = check(e, "audit-trail-reviewed");
        assertThat(c.status()).isEqualTo(CheckStatus.INCOMPLETE);
        assertThat(c.explanation()).isEqualTo("Result rp:TR-ASSAY was corrected (entry 28) after the audit-trail "
                + "review rp:S-ATR (entry 26), so the audit trail needs a new review.");
        assertThat(exceptions(e, ExceptionClass.AUDIT_TRAIL_REVIEW)).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("2 corrections of batch rp:B-TAB's records since the audit-trail review "
                    + "rp:S-ATR (entry 26) await review.");
            assertThat(x.records()).extracting(Evidence::record).containsExactly(
                    new RecordRef(RecordType.STEP_RECORD, "rp:SR-1"), new RecordRef(RecordType.TEST_RESULT, "rp:TR-ASSAY"));
            assertThat(x.records().getFirst().label()).isEqualTo("version 2, entry 27 by Olivia Operator: "
                    + "transcription error");
        });
        assertThat(exceptions(e, ExceptionClass.CORRECTION)).hasSize(2);
    }

    @Test
    void anIndependentReviewAfterTheLastCorrectionPassesAndClearsTheAuditTrailException() {
        new ReleaseTestSupport(keys).write(ReleasePlant.ready().without(RecordType.SIGNATURE, "rp:S-ATR"))
                .correct(RecordType.STEP_RECORD, "rp:SR-1", Map.of("value", "96"), OPERATOR)
                .add(review("rp:S-ATR2", AUDITOR)).checkpoint();

        Evaluation e = evaluate();
        ReadinessCheck c = check(e, "audit-trail-reviewed");
        assertThat(c.status()).as(c.explanation()).isEqualTo(CheckStatus.PASS);
        assertThat(exceptions(e, ExceptionClass.AUDIT_TRAIL_REVIEW)).isEmpty();
        assertThat(exceptions(e, ExceptionClass.CORRECTION)).singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo("Step record rp:SR-1 was corrected to version 2 at "
                        + "entry 26 by Olivia Operator (transcription error)."));
    }
}
