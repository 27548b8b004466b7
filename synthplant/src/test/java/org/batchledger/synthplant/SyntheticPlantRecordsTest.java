package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The stream is something a store can take: references point backwards, records survive storage unchanged. */
@Tag("REQ-RECORD-001")
@Tag("REQ-RECORD-009")
class SyntheticPlantRecordsTest {

    @Test
    void everyReferenceResolvesToARecordOfTheSameOrAnEarlierChunk() {
        Set<RecordRef> seen = new HashSet<>();
        List<List<LedgerRecord>> chunks = SyntheticPlant.of(11, PlantSize.DEMO).withInjectedCycle().chunks(113)
                .toList();
        int checked = 0;
        for (List<LedgerRecord> chunk : chunks) {
            for (LedgerRecord record : chunk) {
                for (var ref : References.of(record)) {
                    assertThat(seen).as("%s references %s", record.key(), ref.target()).contains(ref.target());
                    checked++;
                }
                assertThat(seen.add(RecordRef.of(record))).as("duplicate key %s", record.key()).isTrue();
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void everyRecordRoundTripsThroughStoredPropertiesWithTheSameContentHash() {
        for (LedgerRecord record : Plants.records(5, PlantSize.TINY)) {
            var props = RecordProperties.of(record);
            LedgerRecord back = RecordProperties.toRecord(props, record.type().javaType());

            assertThat(back).as(record.key()).isEqualTo(record);
            assertThat(CanonicalJson.contentHash(back)).isEqualTo(CanonicalJson.contentHash(record));
        }
    }

    @Test
    void provenanceIsContemporaneousAndAttributable() {
        for (LedgerRecord record : Plants.records(5, PlantSize.DEMO)) {
            var p = record.provenance();
            assertThat(p.recordedAt()).as(record.key()).isAfterOrEqualTo(p.eventAt())
                    .isBefore(p.eventAt().plus(Duration.ofMinutes(30)));
            assertThat(p.source()).isEqualTo("synthplant:5");
            assertThat(p.locator()).startsWith("synthplant/");
            assertThat(p.recordedBy()).isNotBlank();
            assertThat(record.key()).startsWith("synthplant:");
        }
    }

    @Test
    void timesStartAtTheFixedEpochNotTheWallClock() {
        var batches = Plants.of(Plants.records(5, PlantSize.DEMO), Batch.class);

        assertThat(batches.getFirst().startedAt()).isEqualTo(PlantClock.EPOCH);
        assertThat(batches.getLast().endedAt()).isBefore(PlantClock.EPOCH.plus(Duration.ofDays(30)));
    }
}
