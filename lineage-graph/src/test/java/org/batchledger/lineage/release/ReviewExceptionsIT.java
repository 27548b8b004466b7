package org.batchledger.lineage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.lineage.release.ReleaseTestSupport.evaluate;
import static org.batchledger.lineage.release.ReleaseTestSupport.exceptions;
import static org.batchledger.lineage.testsupport.ReleasePlant.BATCH;
import static org.batchledger.lineage.testsupport.ReleasePlant.LOT_GRANULATE;
import static org.batchledger.lineage.testsupport.ReleasePlant.PRESS;
import static org.batchledger.lineage.testsupport.ReleasePlant.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.batchledger.lineage.release.ReleaseReadiness.Evaluation;
import org.batchledger.lineage.release.ReviewException.Severity;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exception class the data can show, raised by one change to a normal batch that raises none. */
@Tag("REQ-RELEASE-007")
class ReviewExceptionsIT {
    @TempDir
    Path keys;

    private Evaluation with(ReleasePlant p) {
        new ReleaseTestSupport(keys).write(p);
        return evaluate();
    }

    @Test
    void normalRecordsRaiseNothing() {
        assertThat(with(ReleasePlant.ready()).exceptions()).isEmpty();
    }

    @Test
    void oosAndPendingResults() {
        Evaluation oos = with(ReleasePlant.ready().with(ReleasePlant.result("rp:TR-DISS", "Dissolution", "71", 80.0,
                null, TestOutcome.OOS)));
        assertThat(oos.exceptions()).singleElement().satisfies(x -> {
            assertThat(x.exceptionClass()).isEqualTo(ExceptionClass.OOS_RESULT);
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.reason()).isEqualTo("Result rp:TR-DISS (Dissolution on lot rp:LOT-TAB) is out of "
                    + "specification: 71 % (limit ≥ 80 %).");
            assertThat(x.records()).extracting(Evidence::record)
                    .containsExactly(new RecordRef(RecordType.TEST_RESULT, "rp:TR-DISS"));
        });
        Evaluation pending = with(ReleasePlant.ready().with(ReleasePlant.result("rp:TR-DISS", "Dissolution", "",
                80.0, null, TestOutcome.PENDING)));
        assertThat(pending.exceptions()).extracting(ReviewException::exceptionClass)
                .containsExactly(ExceptionClass.PENDING_RESULT);
    }

    @Test
    void openAndLateDeviations() {
        Evaluation open = with(ReleasePlant.ready().with(ReleaseReadinessIT.deviation(
                Deviation.DeviationStatus.OPEN, ReleasePlant.LOT_API)));
        assertThat(exceptions(open, ExceptionClass.OPEN_DEVIATION)).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MAJOR));

        Instant late = T0.plus(Duration.ofDays(3));
        Evaluation closedLate = with(ReleasePlant.ready().with(new Deviation("rp:DEV-2", "Label count mismatch",
                Deviation.Severity.MINOR, Deviation.DeviationStatus.CLOSED, List.of(new RecordRef(RecordType.BATCH,
                BATCH)), late, late.plusSeconds(3600), ReleasePlant.provenance("dev/2", late))));
        assertThat(closedLate.exceptions()).extracting(ReviewException::exceptionClass)
                .containsExactly(ExceptionClass.LATE_DEVIATION);
        assertThat(closedLate.exceptions().getFirst().reason()).isEqualTo("Deviation rp:DEV-2 was opened "
                + "2026-11-05T06:00:00Z, after batch rp:B-TAB ended 2026-11-02T12:00:00Z.");
    }

    @Test
    void unreleasedAndExpiredMaterialConsumed() {
        Evaluation unreleased = with(ReleasePlant.ready().with(ReleasePlant.lot(LOT_GRANULATE, "rp:MAT-GRN",
                Lot.LotStatus.QUARANTINE)));
        assertThat(exceptions(unreleased, ExceptionClass.UNRELEASED_MATERIAL)).singleElement().satisfies(x ->
                assertThat(x.reason()).isEqualTo("Lot rp:LOT-GRN (Paracetamol granulate) was consumed in step "
                        + "compression and is QUARANTINE."));

        Lot lot = ReleasePlant.lot(LOT_GRANULATE, "rp:MAT-GRN", Lot.LotStatus.CONSUMED);
        Evaluation expired = with(ReleasePlant.ready().with(new Lot(lot.key(), lot.materialKey(), lot.status(),
                lot.quantity(), lot.unit(), lot.supplier(), lot.supplierLot(), T0, lot.provenance())));
        assertThat(expired.exceptions()).extracting(ReviewException::exceptionClass)
                .containsExactly(ExceptionClass.EXPIRED_MATERIAL);
    }

    @Test
    void unreleasedLotDeeperUpstreamIsRaisedAsReadinessFailsOnIt() {
        Evaluation e = with(ReleasePlant.ready().with(ReleasePlant.lot(ReleasePlant.LOT_LACTOSE, "rp:MAT-LAC",
                Lot.LotStatus.QUARANTINE)));
        assertThat(exceptions(e, ExceptionClass.UNRELEASED_MATERIAL)).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.MAJOR);
            assertThat(x.reason()).isEqualTo("Lot rp:LOT-LAC (Lactose monohydrate) is QUARANTINE and lies upstream "
                    + "of batch rp:B-TAB in its genealogy.");
            assertThat(x.records()).extracting(Evidence::record)
                    .containsExactly(new RecordRef(RecordType.LOT, ReleasePlant.LOT_LACTOSE));
        });
    }

    @Test
    void equipmentNotCleanOrOutOfCalibrationAtUse() {
        Evaluation e = with(ReleasePlant.ready()
                .with(new Cleaning("rp:CL-1", PRESS, "CIP", T0.minus(Duration.ofDays(3)), T0.minus(Duration.ofDays(1)),
                        "Olivia Operator", "Vera Verifier", T0, ReleasePlant.provenance("cl/1", T0)))
                .with(new Calibration("rp:CAL-1", PRESS, Calibration.CalibrationOutcome.PASS,
                        T0.minus(Duration.ofDays(40)), T0.minus(Duration.ofDays(5)), "Metro Logist", "Vera Verifier", T0,
                        ReleasePlant.provenance("cal/1", T0))));

        assertThat(e.exceptions()).extracting(ReviewException::exceptionClass).containsExactly(
                ExceptionClass.EQUIPMENT_NOT_CLEAN, ExceptionClass.EQUIPMENT_OUT_OF_CALIBRATION);
        assertThat(e.exceptions().getFirst().records()).extracting(Evidence::record).containsExactly(
                new RecordRef(RecordType.CLEANING, "rp:CL-1"), new RecordRef(RecordType.EQUIPMENT_USE, "rp:U-1"));
    }

    @Test
    void manualAndLateEntries() {
        StepRecord sr = ReleasePlant.step("rp:SR-1", "compression", "hardness", "95", "N", T0.plus(Duration.ofHours(1)));
        Provenance typedIn = new Provenance("hub:ui-client", null, "sub-op", sr.executedAt().plus(Duration.ofDays(2)),
                sr.executedAt());
        Evaluation e = with(ReleasePlant.ready().with(new StepRecord(sr.key(), sr.batchKey(), sr.step(),
                sr.parameter(), sr.value(), sr.unit(), null, null, sr.executedAt(), sr.performedBy(), typedIn)));

        assertThat(e.exceptions()).extracting(ReviewException::exceptionClass)
                .containsExactly(ExceptionClass.MANUAL_ENTRY, ExceptionClass.LATE_ENTRY);
        assertThat(e.exceptions().get(1).reason())
                .isEqualTo("Step record rp:SR-1 (compression/hardness) was recorded 48 h after it was executed.");
    }

    @Test
    void aStepExecutedBeforeTheStepThatPrecedesItInTheRecipe() {
        Evaluation e = with(ReleasePlant.ready().with(ReleasePlant.step("rp:SR-2", "coating", "weight gain", "3.1",
                "%", T0.plus(Duration.ofMinutes(40)))));

        assertThat(e.exceptions()).singleElement().satisfies(x -> {
            assertThat(x.exceptionClass()).isEqualTo(ExceptionClass.STEP_OUT_OF_ORDER);
            assertThat(x.reason()).isEqualTo("Step coating began 2026-11-02T06:40:00Z, before step compression "
                    + "that precedes it (2026-11-02T07:00:00Z).");
        });
    }

    @Test
    @Tag("REQ-RELEASE-033")
    void anExceptionKeepsItsIdAcrossEvaluationsAndIdsDiffer() {
        ReleasePlant p = ReleasePlant.ready().with(ReleasePlant.result("rp:TR-DISS", "Dissolution", "71", 80.0, null,
                TestOutcome.OOS)).with(ReleasePlant.result("rp:TR-ASSAY", "Assay", "", 95.0, 105.0, TestOutcome.PENDING));
        List<String> first = with(p).exceptions().stream().map(ReviewException::id).toList();
        List<String> again = evaluate().exceptions().stream().map(ReviewException::id).toList();

        assertThat(again).isEqualTo(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(first).allMatch(id -> id.matches("RX-[0-9a-f]{24}"));
    }
}
