package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.batchledger.hub.ingest.IngestReport.Finding;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Provenance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pipeline refuses a batch planned to end before its planned start (REQ-INGEST-131) and a lot naming itself as
 * its parent (REQ-INGEST-130) from any adapter, naming file, locator, record, field and rule; a batch that runs later
 * than planned is no problem.
 */
@Tag("REQ-INGEST-130")
@Tag("REQ-INGEST-131")
class PlannedTimeAndSubLotChecksTest {
    private static final String SOURCE = "file:sha256:" + "c".repeat(64);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant PLANNED = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void aPlannedEndBeforeThePlannedStartIsRefusedNamingTheField() {
        List<Finding> found = RecordChecks.check("schedule.xml", SOURCE, List.of(new Batch("s:B", "s:M", null,
                Batch.BatchStatus.PLANNED, null, null, null, PLANNED, PLANNED.minusSeconds(3600), provenance())));

        assertThat(found).extracting(Finding::file, Finding::locator, Finding::record, Finding::field, Finding::rule)
                .containsExactly(tuple("schedule.xml", "/ProductionSchedule/ProductionRequest[1]", "Batch:s:B",
                        "plannedEnd", "TIME-ORDER"));
        assertThat(found.getFirst().message()).contains(PLANNED.toString(), PLANNED.minusSeconds(3600).toString());
    }

    @Test
    void aBatchThatRanLaterThanPlannedPassesAndActualOrderIsStillChecked() {
        Batch late = new Batch("s:B", "s:M", "GRAN", Batch.BatchStatus.COMPLETED, null, PLANNED.plusSeconds(86_400),
                PLANNED.plusSeconds(90_000), PLANNED, PLANNED.plusSeconds(3600), provenance());
        Batch backwards = new Batch("s:C", "s:M", "GRAN", Batch.BatchStatus.COMPLETED, null, PLANNED,
                PLANNED.minusSeconds(1), PLANNED, PLANNED.plusSeconds(3600), provenance());

        assertThat(RecordChecks.check("f", SOURCE, List.of(late))).isEmpty();
        assertThat(RecordChecks.check("f", SOURCE, List.of(backwards))).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("endedAt", "TIME-ORDER"));
    }

    @Test
    void aLotThatNamesItselfAsParentIsRefused() {
        List<Finding> found = RecordChecks.check("f", SOURCE, List.of(
                new Lot("s:L", "s:M", Lot.LotStatus.IN_STOCK, 5.0, "kg", null, null, null, "s:L", provenance()),
                new Lot("s:L-1", "s:M", Lot.LotStatus.IN_STOCK, 1.0, "kg", null, null, null, "s:L", provenance())));

        assertThat(found).extracting(Finding::record, Finding::field, Finding::rule)
                .containsExactly(tuple("Lot:s:L", "parentLotKey", "PARENT-LOT-SELF"));
    }

    private static Provenance provenance() {
        return new Provenance(SOURCE, "/ProductionSchedule/ProductionRequest[1]", "adapter", NOW, NOW);
    }
}
