package org.batchledger.hub.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.TestResult;

/**
 * A test-only format, so the pipeline is tested apart from the real adapters: a first line {@code #test-lines},
 * then {@code Material|id|name}, {@code Lot|id|materialId[|quantity]}, {@code Result|id|sampleId},
 * {@code Sleep|millis} (a slow file, for the crash test), {@code Mark|name} (logged, a point a fault test halts at);
 * locator {@code line N}.
 */
public final class TestLinesAdapter implements IngestAdapter {
    static final String MAGIC = "#test-lines";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestLinesAdapter.class);

    @Override
    public String name() {
        return "test-lines";
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public int recognises(ContentSample sample) {
        return sample.text().startsWith(MAGIC) ? 100 : 0;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (n == 1 || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|");
                Provenance p = new Provenance(context.sourceId(), "line " + n, context.recordedBy(),
                        context.recordedAt(), context.recordedAt());
                switch (f[0]) {
                    case "Material" -> sink.record(new Material(context.key(f[1]), f[2],
                            Material.MaterialKind.RAW_MATERIAL, "kg", p));
                    case "Lot" -> sink.record(new Lot(context.key(f[1]), context.key(f[2]), Lot.LotStatus.IN_STOCK,
                            f.length > 3 ? Double.valueOf(f[3]) : null, null, null, null, null, p));
                    case "Result" -> sink.record(new TestResult(context.key(f[1]), null, f[2], "assay", null, "99.0",
                            "%", null, null, TestResult.TestOutcome.PASS, context.recordedAt(), "lab", p));
                    case "Sleep" -> sleep(Long.parseLong(f[1]));
                    case "Mark" -> LOG.info("test-lines: mark {} at line {}", f[1], n);
                    default -> throw new InvalidSourceException(new IngestFinding("line " + n, "kind", "TEST-KIND",
                            "unknown record kind '" + f[0] + "'"));
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
