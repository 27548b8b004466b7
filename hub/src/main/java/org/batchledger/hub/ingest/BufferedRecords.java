package org.batchledger.hub.ingest;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.LedgerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's output for one file, bounded: a file is written in one transaction, so its records are held until
 * the write; past {@code max} the file is refused (rule {@code INGEST-RECORD-LIMIT}) rather than exhaust the heap.
 * Logs progress with records/s on long files.
 */
final class BufferedRecords implements RecordSink {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedRecords.class);
    private static final int PROGRESS_EVERY = 50_000;
    private final String file;
    private final int max;
    private final long started = System.nanoTime();
    final List<LedgerRecord> records = new ArrayList<>();
    final List<IngestFinding> warnings = new ArrayList<>();

    BufferedRecords(String file, int max) {
        this.file = file;
        this.max = max;
    }

    @Override
    public void record(LedgerRecord record) {
        if (records.size() >= max) {
            throw new InvalidSourceException(new IngestFinding(null, null, "INGEST-RECORD-LIMIT", "the file holds more "
                    + "than " + max + " records, the most one file may (batchledger.ingest.max-records); split it"));
        }
        records.add(record);
        if (records.size() % PROGRESS_EVERY == 0) {
            LOG.info("ingest {}: {} records read ({} records/s)", file, records.size(), perSecond(records.size(), started));
        }
    }

    @Override
    public void warning(IngestFinding warning) {
        warnings.add(warning);
    }

    static long perSecond(long n, long startedNanos) {
        long nanos = Math.max(1, System.nanoTime() - startedNanos);
        return n * 1_000_000_000L / nanos;
    }
}
