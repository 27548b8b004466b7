package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A large plant streams without being held: retained heap stays flat while 20,000 batches (about 270,000 records,
 * over 80 MB if kept) go by. Measured roughly, after a GC at intervals; a leak of the records would blow the bound.
 */
@Tag("REQ-PERF-005")
class PlantStreamingMemoryTest {
    private static final long BOUND_BYTES = 24L << 20;

    @Test
    void aLargeIshPlantStreamsInBoundedMemory() {
        long baseline = usedAfterGc();
        AtomicLong peak = new AtomicLong();
        AtomicLong records = new AtomicLong();
        AtomicLong chunks = new AtomicLong();

        SyntheticPlant.of(23, PlantSize.ofBatches(20_000)).chunks(1_000).forEach(chunk -> {
            records.addAndGet(chunk.size());
            if (chunks.incrementAndGet() % 40 == 0) {
                peak.accumulateAndGet(usedAfterGc() - baseline, Math::max);
            }
        });

        assertThat(records.get()).isGreaterThan(250_000);
        assertThat(peak.get()).as("retained bytes while streaming").isLessThan(BOUND_BYTES);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
