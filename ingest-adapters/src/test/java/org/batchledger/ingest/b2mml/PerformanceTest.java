package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.StepRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Production (V0401) and operations (V0600, V0700) performance → batch, genealogy edges, equipment use, steps. */
@Tag("REQ-INGEST-101")
@Tag("REQ-INGEST-104")
class PerformanceTest {
    private final B2mmlAdapter adapter = new B2mmlAdapter();

    @Test
    void aV0401ProductionResponseIsABatchWithItsConsumedAndProducedLots() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/production-performance-v0401.xml"), false);

        Batch b = run.all(Batch.class).getFirst();
        assertThat(b.key()).isEqualTo("plant-a:B2604-12");
        assertThat(b.productKey()).isEqualTo("plant-a:PARA500-GRAN");
        assertThat(b.status()).isEqualTo(Batch.BatchStatus.COMPLETED);
        assertThat(b.masterRecord()).isEqualTo("MBR-PARA500-v3");
        assertThat(b.startedAt()).isEqualTo(Instant.parse("2026-04-12T04:00:00Z"));
        assertThat(b.endedAt()).isEqualTo(Instant.parse("2026-04-12T12:30:00Z"));

        assertThat(run.all(Consumption.class))
                .extracting(Consumption::lotKey, Consumption::batchKey, Consumption::quantity, Consumption::unit,
                        Consumption::step, Consumption::at)
                .containsExactly(
                        tuple("plant-a:LOT-API-0098", "plant-a:B2604-12", 250.0, "kg", "DISPENSE",
                                Instant.parse("2026-04-12T04:00:00Z")),
                        tuple("plant-a:LOT-MCC-0311", "plant-a:B2604-12", 48.75, "kg", "DISPENSE",
                                Instant.parse("2026-04-12T04:00:00Z")));
        Production p = run.all(Production.class).getFirst();
        assertThat(p.lotKey()).isEqualTo("plant-a:B2604-12-G");
        assertThat(p.quantity()).isEqualTo(296.2);
        assertThat(p.provenance().locator()).isEqualTo(
                "/ProductionPerformance/ProductionResponse[1]/SegmentResponse[2]/MaterialProducedActual[1]");

        assertThat(run.all(EquipmentUse.class)).extracting(EquipmentUse::equipmentKey, EquipmentUse::step)
                .containsExactly(tuple("plant-a:BAL-07", "DISPENSE"), tuple("plant-a:GRAN-02", "GRANULATE"));
        assertThat(run.all(StepRecord.class))
                .extracting(StepRecord::step, StepRecord::parameter, StepRecord::value, StepRecord::unit,
                        StepRecord::performedBy)
                .containsExactly(tuple("DISPENSE", "RoomHumidity", "41.5", "%RH", "jdupont"),
                        tuple("GRANULATE", "GRAN-02/ImpellerSpeed", "250", "rpm", "mmartin"));
    }

    @Test
    void aV0600OperationsResponseInAProcessWrapperKeepsNestedSegmentsDataAndEveryPerson() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/operations-performance-v0600.xml"), false);

        Batch b = run.all(Batch.class).getFirst();
        assertThat(b.key()).isEqualTo("plant-a:B2605-03");
        assertThat(b.status()).isEqualTo(Batch.BatchStatus.IN_PROCESS);
        assertThat(b.productKey()).isEqualTo("plant-a:IBU200-BLEND");
        assertThat(run.all(StepRecord.class))
                .extracting(StepRecord::step, StepRecord::parameter, StepRecord::value, StepRecord::performedBy)
                .containsExactly(tuple("BLEND", "BlendTime", "15", "akowalski, lchen"),
                        tuple("BLEND", "Blender/Speed", "12", "akowalski, lchen"),
                        tuple("BLEND", "LOT-IBU-0007/Potency", "99.2", "akowalski, lchen"));
        assertThat(run.all(Consumption.class)).extracting(Consumption::lotKey).containsExactly("plant-a:LOT-IBU-0007");
        assertThat(run.all(Production.class)).extracting(Production::lotKey).containsExactly("plant-a:B2605-03-BL");
        assertThat(run.warnings).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo("B2MML-MATERIAL-USE");
            assertThat(w.message()).contains("'Sample'");
        });
        assertThat(run.all(StepRecord.class).getFirst().provenance().eventAt())
                .isEqualTo(Instant.parse("2026-05-03T09:00:00Z"));
    }

    @Test
    @Tag("REQ-INGEST-126")
    void aV0700SyncOperationsPerformanceNamesTheBatchByItsRequestAndWarnsOfVendorExtensions() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/operations-performance-v0700.xml"), false);

        Batch b = run.all(Batch.class).getFirst();
        assertThat(b.key()).isEqualTo("plant-a:B2606-01");
        assertThat(b.productKey()).isEqualTo("plant-a:IBU200-TAB");
        assertThat(b.endedAt()).isNull();
        assertThat(run.all(Production.class)).extracting(Production::quantity, Production::unit)
                .containsExactly(tuple(890000.0, "tablet"));
        assertThat(run.all(Consumption.class)).hasSize(1);
        assertThat(run.rules()).contains("B2MML-EXTENSION", "B2MML-MATERIAL-USE");
    }
}
