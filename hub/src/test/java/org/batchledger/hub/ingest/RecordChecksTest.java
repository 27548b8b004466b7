package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.batchledger.hub.ingest.IngestReport.Finding;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pipeline's own checks name file, locator, record, field and rule; a valid record passes untouched. */
@Tag("REQ-INGEST-002")
class RecordChecksTest {
    private static final String SOURCE = "file:sha256:" + "a".repeat(64);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aValidRecordPasses() {
        assertThat(RecordChecks.check("f", SOURCE, List.of(new Material("s:M", "m", Material.MaterialKind.API, "kg",
                provenance(SOURCE, NOW))))).isEmpty();
    }

    @Test
    void anEventAfterItsCaptureARecordFromAnotherSourceAndAQuantityWithoutUnitAreEachNamed() {
        List<Finding> found = RecordChecks.check("f.xml", SOURCE, List.of(
                new Material("s:M", "m", Material.MaterialKind.API, "kg", provenance(SOURCE, NOW.plusSeconds(3600))),
                new Material("s:N", "n", Material.MaterialKind.API, "kg", provenance("mes:other", NOW)),
                new Lot("s:L", "s:M", Lot.LotStatus.IN_STOCK, 5.0, null, null, null, null, provenance(SOURCE, NOW))));

        assertThat(found).extracting(Finding::record, Finding::field, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Material:s:M", "provenance.eventAt", "TIME-ORDER"),
                org.assertj.core.groups.Tuple.tuple("Material:s:N", "provenance.source", "PROVENANCE-SOURCE"),
                org.assertj.core.groups.Tuple.tuple("Lot:s:L", "unit", "UNIT-REQUIRED"));
        assertThat(found).allSatisfy(f -> assertThat(f.file()).isEqualTo("f.xml"));
        assertThat(found.getFirst().locator()).isEqualTo("/x[1]");
    }

    @Test
    @Tag("REQ-INGEST-252")
    void aConsumptionWithoutQuantityNeedsNoUnitButAQuantityWithoutUnitIsNamed() {
        List<Finding> found = RecordChecks.check("f.xml", SOURCE, List.of(
                new Consumption("s:C1", "s:L", "s:B", null, null, "charge", NOW, provenance(SOURCE, NOW)),
                new Consumption("s:C2", "s:L", "s:B", 5.0, null, "charge", NOW, provenance(SOURCE, NOW))));

        assertThat(found).extracting(Finding::record, Finding::field, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CONSUMED_IN:s:C2", "unit", "UNIT-REQUIRED"));
    }

    @Test
    void limitsAndPeriodsOutOfOrderAreRefused() {
        List<Finding> found = RecordChecks.check("f", SOURCE, List.of(
                new TestResult("s:T", new RecordRef(RecordType.LOT, "s:L"), null, "assay", null, "1", "%", 102.0, 98.0,
                        TestResult.TestOutcome.PASS, NOW, "lab", provenance(SOURCE, NOW)),
                new Batch("s:B", "s:M", "GRAN", Batch.BatchStatus.COMPLETED, null, NOW, NOW.minusSeconds(60),
                        provenance(SOURCE, NOW))));

        assertThat(found).extracting(Finding::rule).containsExactly("LIMITS-ORDER", "TIME-ORDER");
    }

    private static Provenance provenance(String source, Instant eventAt) {
        return new Provenance(source, "/x[1]", "adapter", NOW, eventAt);
    }
}
