package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator writes what it promises, and parsing streams: the heap retained while parsing does not grow with the
 * file. A bounded check (retained heap after GC at checkpoints, small file against a ten times larger one), not a
 * timed test.
 */
@Tag("REQ-INGEST-112")
class LargeFileTest {

    /** Counts records by type and samples the retained heap every {@code every} records. */
    private static final class Counting implements RecordSink {
        final Map<RecordType, Long> counts = new TreeMap<>();
        final int every;
        long seen;
        long maxRetained;

        Counting(int every) {
            this.every = every;
        }

        @Override
        public void record(LedgerRecord record) {
            counts.merge(record.type(), 1L, Long::sum);
            if (++seen % every == 0) {
                System.gc();
                maxRetained = Math.max(maxRetained, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        }

        @Override
        public void warning(IngestFinding warning) {
            // the generated file's lenient warnings (none expected) are not what this test is about
        }
    }

    @Test
    void theGeneratorWritesTheRecordsItPromises() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratedB2mml.write(out, 1_000);
        Path f = Files.createTempFile("gen", ".xml");
        try {
            Files.write(f, out.toByteArray());
            IngestRun run = IngestRun.file(new B2mmlAdapter(), f, true);
            assertThat(run.records).hasSize((int) GeneratedB2mml.recordsFor(1_000));
            assertThat(GeneratedB2mml.recordsFor(1_000)).isEqualTo(1_002);
            assertThat(run.warnings).isEmpty();
            assertThat(run.records.stream().map(LedgerRecord::type).distinct())
                    .containsExactlyInAnyOrder(RecordType.BATCH, RecordType.STEP_RECORD, RecordType.EQUIPMENT_USE,
                            RecordType.CONSUMPTION, RecordType.PRODUCTION);
        } finally {
            Files.delete(f);
        }
        assertThat(GeneratedB2mml.recordsFor(1_000_000)).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void theRetainedHeapWhileParsingDoesNotGrowWithTheFile(@TempDir Path dir) throws Exception {
        long small = retained(dir.resolve("small.xml"), 30_000);
        long large = retained(dir.resolve("large.xml"), 300_000);

        // measured here: about 6.2 MB for both; the bound leaves room for GC noise, not for growth with the file
        assertThat(large).as("retained heap, large file vs small file %d (bytes)", small)
                .isLessThan(small + 16L * 1024 * 1024);
    }

    private static long retained(Path file, long records) throws Exception {
        GeneratedB2mml.write(file, records);
        Counting sink = new Counting(10_000);
        new B2mmlAdapter().parse(new IngestSource(file, file.getFileName().toString(), Files.size(file), "0"),
                IngestRun.context(false), sink);
        assertThat(sink.seen).isEqualTo(GeneratedB2mml.recordsFor(records));
        Files.delete(file);
        return sink.maxRetained;
    }
}
