package org.batchledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.ingest.animl.AnimlAdapter;
import org.batchledger.ingest.asm.AsmAdapter;
import org.batchledger.ingest.lims.LimsCsvAdapter;
import org.batchledger.ingest.lims.LimsCsvGenerator;
import org.batchledger.schema.record.LedgerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing streams: the heap that stays live while a file is read does not grow with the file. Not a timed test:
 * a sink that keeps nothing samples the live heap (after a GC) a few times during the read, for a file and one four
 * times its size; the larger may hold only the CSV duplicate-key fingerprints more (12 bytes a row, see
 * DuplicateKeys) plus a fixed margin.
 */
@Tag("REQ-INGEST-242")
class StreamingMemoryTest {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @TempDir
    Path dir;

    /** Counts records and, every {@code every} records, the live heap after a GC. */
    private static final class Sampling implements RecordSink {
        private final long every;
        long records;
        long peakLive;

        Sampling(long every) {
            this.every = every;
        }

        @Override
        public void record(LedgerRecord record) {
            if (++records % every == 0) {
                System.gc();
                peakLive = Math.max(peakLive, MEMORY.getHeapMemoryUsage().getUsed());
            }
        }

        @Override
        public void warning(IngestFinding warning) {
        }
    }

    private static Sampling run(IngestAdapter adapter, Path file, long every) throws IOException {
        Sampling sink = new Sampling(every);
        System.gc();
        adapter.parse(new IngestSource(file, file.getFileName().toString(), Files.size(file), "0".repeat(64)),
                LabFixtures.context(null), sink);
        return sink;
    }

    @Test
    void limsCsvLiveHeapIsFlatInFileSize() throws IOException {
        Path small = csv(50_000);
        Path large = csv(200_000);
        Sampling s = run(new LimsCsvAdapter(), small, 12_500);
        Sampling l = run(new LimsCsvAdapter(), large, 50_000);
        assertThat(l.records).isEqualTo(200_000);
        long fingerprints = 2 * 12L * 200_000; // the table doubles as it grows
        assertThat(l.peakLive - s.peakLive).isLessThan(fingerprints + 24L * 1024 * 1024);
        assertThat(Files.size(large) - Files.size(small)).isGreaterThan(10L * 1024 * 1024);
    }

    @Test
    void asmLiveHeapIsFlatInTheNumberOfTechniqueDocuments() throws IOException {
        Path small = asm(5_000);
        Path large = asm(20_000);
        Sampling s = run(new AsmAdapter(), small, 2_500);
        Sampling l = run(new AsmAdapter(), large, 10_000);
        assertThat(l.records).isEqualTo(40_000);
        assertThat(l.peakLive - s.peakLive).isLessThan(24L * 1024 * 1024);
        assertThat(Files.size(large) - Files.size(small)).isGreaterThan(5L * 1024 * 1024);
    }

    @Test
    void animlLiveHeapIsFlatInTheNumberOfSamples() throws IOException {
        Path small = animl(5_000);
        Path large = animl(20_000);
        Sampling s = run(new AnimlAdapter(), small, 2_500);
        Sampling l = run(new AnimlAdapter(), large, 10_000);
        assertThat(l.records).isEqualTo(20_000);
        // the in-file key set (one short string per result) is the only part that grows
        assertThat(l.peakLive - s.peakLive).isLessThan(24L * 1024 * 1024);
        assertThat(Files.size(large) - Files.size(small)).isGreaterThan(5L * 1024 * 1024);
    }

    private Path animl(int samples) throws IOException {
        Path file = dir.resolve("animl-" + samples + ".xml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<AnIML version='0.90' xmlns='urn:org:astm:animl:schema:core:draft:0.90'><SampleSet>");
            for (int i = 0; i < samples; i++) {
                w.write("<Sample name='s' sampleID='S-" + i + "'><Category name='c'><SeriesSet name='ss' length='20'>"
                        + "<Series name='x' seriesID='x' seriesType='Int32'><IndividualValueSet>"
                        + "<I>1</I>".repeat(20) + "</IndividualValueSet></Series></SeriesSet></Category></Sample>");
            }
            w.write("</SampleSet></AnIML>");
        }
        return file;
    }

    private Path csv(long rows) throws IOException {
        Path file = dir.resolve("lims-" + rows + ".csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            LimsCsvGenerator.write(w, rows, 1L);
        }
        return file;
    }

    private Path asm(int documents) throws IOException {
        Path file = dir.resolve("asm-" + documents + ".json");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"$asm.manifest\": \"http://purl.allotrope.org/manifests/plate-reader/x.manifest\","
                    + "\"plate reader aggregate document\": {\"plate reader document\": [");
            for (int i = 0; i < documents; i++) {
                w.write((i == 0 ? "" : ",") + "{\"measurement aggregate document\": {\"measurement time\": "
                        + "\"2026-03-01T08:00:00Z\", \"measurement document\": [{\"measurement identifier\": \"M-" + i
                        + "\", \"sample document\": {\"sample identifier\": \"S-" + i + "\"}, \"absorbance\": "
                        + "{\"value\": 0.5, \"unit\": \"mAU\"}, \"fluorescence\": {\"value\": 12, \"unit\": \"RFU\"}, "
                        + "\"custom information document\": {\"note\": \"" + "x".repeat(200) + "\"}}]}}");
            }
            w.write("], \"device system document\": {\"model number\": \"M5\"}}}");
        }
        return file;
    }
}
