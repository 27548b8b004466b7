package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Schedules → planned batches; material definitions, lots, sub-lots and lot test results, in each release. */
@Tag("REQ-INGEST-102")
@Tag("REQ-INGEST-103")
@Tag("REQ-INGEST-104")
class ScheduleAndMaterialTest {
    private final B2mmlAdapter adapter = new B2mmlAdapter();

    @Test
    void aV0401ProductionScheduleGivesPlannedBatchesWithTheirProduct() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/production-schedule-v0401.xml"), false);

        assertThat(run.all(Batch.class))
                .extracting(Batch::key, Batch::productKey, Batch::status, Batch::masterRecord, Batch::startedAt)
                .containsExactly(
                        tuple("plant-a:B2604-12", "plant-a:PARA500-GRAN", Batch.BatchStatus.PLANNED, "MBR-PARA500-v3", null),
                        tuple("plant-a:B2604-13", null, Batch.BatchStatus.PLANNED, "MBR-PARA500-v3", null));
        assertThat(run.all(Batch.class).getFirst().provenance().eventAt()).isEqualTo(Instant.parse("2026-04-06T09:00:00Z"));
        assertThat(run.all(Batch.class)).extracting(Batch::plannedStart)
                .containsExactly(Instant.parse("2026-04-12T04:00:00Z"), null);
        assertThat(run.rules()).contains("B2MML-BATCH-PRODUCT").doesNotContain("B2MML-PLANNED-TIME");
    }

    @Test
    void aV0700OperationsScheduleInAShowWrapperTakesTheProducedMaterialRequirement() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/operations-schedule-v0700.xml"), false);

        Batch b = run.all(Batch.class).getFirst();
        assertThat(b.productKey()).isEqualTo("plant-a:IBU200-TAB");
        assertThat(b.masterRecord()).isEqualTo("MBR-IBU200-v1");
        assertThat(b.provenance().locator())
                .isEqualTo("/ShowOperationsSchedule/DataArea[1]/OperationsSchedule[1]/OperationsRequest[1]");
    }

    @Test
    void aV0600MaterialInformationGivesMaterialLotSubLotAndTestResult() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/material-v0600.xml"), false);

        Material m = run.all(Material.class).getFirst();
        assertThat(m).extracting(Material::key, Material::name, Material::kind, Material::unit)
                .containsExactly("plant-a:LACTOSE-MH", "Lactose monohydrate", Material.MaterialKind.EXCIPIENT, "kg");
        assertThat(run.all(Lot.class))
                .extracting(Lot::key, Lot::materialKey, Lot::status, Lot::quantity, Lot::unit, Lot::supplierLot)
                .containsExactly(
                        tuple("plant-a:LOT-LAC-2231", "plant-a:LACTOSE-MH", Lot.LotStatus.QUARANTINE, 500.0, "kg",
                                "DFE-99812"),
                        tuple("plant-a:LOT-LAC-2231-D1", "plant-a:LACTOSE-MH", Lot.LotStatus.QUARANTINE, 25.0, "kg",
                                null));
        assertThat(run.all(Lot.class).getFirst().expiresAt()).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        TestResult t = run.all(TestResult.class).getFirst();
        assertThat(t.subject().type()).isEqualTo(RecordType.LOT);
        assertThat(t.subject().key()).isEqualTo("plant-a:LOT-LAC-2231");
        assertThat(t).extracting(TestResult::test, TestResult::value, TestResult::unit, TestResult::testedAt)
                .containsExactly("LossOnDrying/LOD-1", "4.9", "%", Instant.parse("2026-03-01T15:20:00Z"));
        assertThat(run.rules()).contains("TIME-DATE-ONLY", "B2MML-TEST-ANALYST").doesNotContain("B2MML-SUBLOT");
    }

    @Test
    @Tag("REQ-INGEST-115")
    void aBareV0700MaterialLotWithoutAnyMessageTimeSaysItsEventTimeIsTheReceipt() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/material-lot-v0700.xml"), false);

        Lot lot = run.all(Lot.class).getFirst();
        assertThat(lot.status()).isEqualTo(Lot.LotStatus.RELEASED);
        assertThat(lot.quantity()).isEqualTo(20.0);
        assertThat(lot.expiresAt()).isEqualTo(Instant.parse("2027-10-31T23:59:59Z"));
        assertThat(lot.provenance().eventAt()).isEqualTo(IngestRun.RECEIVED);
        assertThat(run.rules()).contains("B2MML-TIME");
    }
}
