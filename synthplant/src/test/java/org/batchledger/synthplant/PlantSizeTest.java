package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-RECORD-008")
class PlantSizeTest {

    @Test
    void ofBatchesRoundsUpToWholeOrdersAndAddsLinesAsThePlantGrows() {
        assertThat(PlantSize.ofBatches(10).batches()).isEqualTo(16);
        assertThat(PlantSize.ofBatches(4_000).lines()).isEqualTo(1);
        assertThat(PlantSize.ofBatches(40_000).lines()).isEqualTo(10);
    }

    @Test
    void presetsAreSizedForTheirUse() {
        assertThat(PlantSize.TINY.batches()).isBetween(10, 20);
        assertThat(PlantSize.DEMO.batches()).isBetween(200, 500);
        assertThat(PlantSize.LARGE.estimatedNodes()).isGreaterThanOrEqualTo(1_000_000);
        assertThat(PlantSize.LARGE.estimatedRelationships()).isGreaterThanOrEqualTo(4_000_000);
    }

    @Test
    void parsesPresetNamesAndBatchCounts() {
        assertThat(PlantSize.parse("demo")).isEqualTo(PlantSize.DEMO);
        assertThat(PlantSize.parse("20_000").batches()).isEqualTo(20_000);
    }

    @Test
    void rejectsMoreLinesThanOrders() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PlantSize("x", 1, 2));
    }
}
