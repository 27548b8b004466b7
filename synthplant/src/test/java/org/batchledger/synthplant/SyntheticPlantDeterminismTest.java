package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-RECORD-008")
class SyntheticPlantDeterminismTest {

    @Test
    void sameSeedAndSizeGiveIdenticalRecords() {
        List<LedgerRecord> first = SyntheticPlant.of(7, PlantSize.DEMO).records().toList();
        List<LedgerRecord> second = SyntheticPlant.of(7, PlantSize.DEMO).records().toList();

        assertThat(second).isEqualTo(first);
        assertThat(hashes(second)).isEqualTo(hashes(first));
    }

    @Test
    void differentSeedsGiveDifferentPlantsOfTheSameShape() {
        List<LedgerRecord> a = SyntheticPlant.of(1, PlantSize.TINY).records().toList();
        List<LedgerRecord> b = SyntheticPlant.of(2, PlantSize.TINY).records().toList();

        assertThat(hashes(b)).isNotEqualTo(hashes(a));
        assertThat(SyntheticPlant.of(2, PlantSize.TINY).stats().records(RecordType.BATCH))
                .isEqualTo(SyntheticPlant.of(1, PlantSize.TINY).stats().records(RecordType.BATCH));
        assertThat(a.getFirst().provenance().source()).isEqualTo("synthplant:1");
    }

    @Test
    void chunkSizeDoesNotChangeTheRecords() {
        SyntheticPlant plant = SyntheticPlant.of(3, PlantSize.DEMO);

        List<LedgerRecord> whole = plant.records().toList();
        List<List<LedgerRecord>> chunks = plant.chunks(97).toList();

        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(whole);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).hasSizeBetween(1, 97));
    }

    private static List<String> hashes(List<LedgerRecord> records) {
        return records.stream().map(CanonicalJson::contentHash).toList();
    }
}
