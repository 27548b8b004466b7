package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-RECORD-008")
class PlantStatsTest {

    @Test
    void statsAddUpToTheGeneratedRecords() {
        var records = Plants.records(17, PlantSize.DEMO);
        PlantStats stats = SyntheticPlant.of(17, PlantSize.DEMO).stats();

        assertThat(stats.records()).isEqualTo(records.size());
        long edgeRecords = Arrays.stream(RecordType.values()).filter(RecordType::isRelationship)
                .mapToLong(stats::records).sum();
        assertThat(stats.nodes() + edgeRecords).isEqualTo(stats.records());
        long drawnReferences = records.stream().flatMap(r -> References.of(r).stream())
                .filter(ref -> ref.relationship() != null).count();
        assertThat(stats.relationships()).isEqualTo(edgeRecords + drawnReferences);
        assertThat(stats.records(RecordType.BATCH)).isEqualTo(PlantSize.DEMO.batches());
        assertThat(stats.relationshipsByType()).containsEntry("CONSUMED_IN", stats.records(RecordType.CONSUMPTION));
    }

    @Test
    void perBatchEstimatesMatchAMeasuredPlant() {
        PlantSize size = PlantSize.ofBatches(16_000);
        PlantStats stats = SyntheticPlant.of(17, size).stats();

        assertThat((double) stats.nodes()).isCloseTo(size.estimatedNodes(), within(size.estimatedNodes() * 0.05));
        assertThat((double) stats.relationships())
                .isCloseTo(size.estimatedRelationships(), within(size.estimatedRelationships() * 0.05));
    }

    @Test
    void reportNamesTheTotals() {
        assertThat(SyntheticPlant.of(1, PlantSize.TINY).stats().report())
                .contains("Batch", "-[:CONSUMED_IN]->", "relationships", "per batch");
    }
}
