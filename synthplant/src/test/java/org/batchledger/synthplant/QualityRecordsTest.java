package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What QA release looks at: OOS results, deviations, signatures — present even in the tiny plant. */
@Tag("REQ-RECORD-009")
class QualityRecordsTest {
    private final List<LedgerRecord> tiny = Plants.records(9, PlantSize.TINY);

    @Test
    void evenATinyPlantHasAnOosResultAndAnOpenAndAClosedDeviation() {
        assertThat(Plants.of(tiny, TestResult.class)).extracting(TestResult::outcome).contains(TestOutcome.OOS);
        assertThat(Plants.of(tiny, Deviation.class)).extracting(Deviation::status)
                .contains(DeviationStatus.CLOSED).containsAnyOf(DeviationStatus.OPEN,
                        DeviationStatus.UNDER_INVESTIGATION);
        assertThat(Plants.of(tiny, Deviation.class)).allSatisfy(d ->
                assertThat(d.closedAt() != null).isEqualTo(d.status() == DeviationStatus.CLOSED));
    }

    @Test
    void everyOosResultIsUnderADeviationImpactingItsSubject() {
        List<LedgerRecord> demo = Plants.records(9, PlantSize.DEMO);
        var impacted = Plants.of(demo, Deviation.class).stream().flatMap(d -> d.impacts().stream())
                .collect(Collectors.toSet());
        var oos = Plants.of(demo, TestResult.class).stream().filter(t -> t.outcome() == TestOutcome.OOS).toList();

        assertThat(oos).isNotEmpty().allSatisfy(t -> assertThat(impacted).contains(t.subject()));
    }

    @Test
    void stepRecordsOutOfLimitsAreRareAndRaiseADeviation() {
        var outOfLimits = Plants.of(tiny, StepRecord.class).stream().filter(QualityRecordsTest::outOfLimits).toList();

        assertThat(outOfLimits).hasSize(1);
        var impacted = Plants.of(tiny, Deviation.class).stream().flatMap(d -> d.impacts().stream()).toList();
        assertThat(impacted).contains(new RecordRef(RecordType.BATCH,
                outOfLimits.getFirst().batchKey()));
    }

    @Test
    @Tag("REQ-RELEASE-043")
    void releasedBatchesArePerformedReviewedAuditTrailReviewedAndReleasedByFourDifferentPeople() {
        List<LedgerRecord> demo = Plants.records(9, PlantSize.DEMO);
        Map<String, Batch> batches = Plants.byKey(demo, Batch.class);
        Map<RecordRef, Map<SignatureMeaning, String>> signers = new HashMap<>();
        for (Signature s : Plants.of(demo, Signature.class)) {
            signers.computeIfAbsent(s.signs(), k -> new HashMap<>()).put(s.meaning(), s.signerSubject());
            assertThat(s.signedContentHash()).isEqualTo(CanonicalJson.contentHash(batches.get(s.signs().key())));
        }
        var released = batches.values().stream().filter(b -> b.status() == BatchStatus.RELEASED).toList();

        assertThat(released).hasSizeGreaterThan(30).allSatisfy(b -> assertThat(signers.get(RecordRef.of(b)))
                .containsKeys(SignatureMeaning.PERFORMED, SignatureMeaning.REVIEWED,
                        SignatureMeaning.AUDIT_TRAIL_REVIEWED, SignatureMeaning.RELEASED)
                .satisfies(who -> assertThat(new HashSet<>(who.values())).hasSize(4)));
        assertThat(Plants.of(demo, Signature.class).stream().map(Signature::signerSubject).distinct())
                .hasSizeGreaterThanOrEqualTo(5);
    }

    private static boolean outOfLimits(StepRecord s) {
        if (s.lowerLimit() == null && s.upperLimit() == null) {
            return !s.value().equals("Conforms");
        }
        double v = Double.parseDouble(s.value());
        return (s.lowerLimit() != null && v < s.lowerLimit()) || (s.upperLimit() != null && v > s.upperLimit());
    }
}
