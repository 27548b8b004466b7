package org.batchledger.synthplant;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.batchledger.schema.record.LedgerRecord;

/**
 * Cuts the record stream into consecutive chunks. Since the stream is in reference order, any cut keeps every
 * reference pointing into the same or an earlier chunk; only one chunk is ever held.
 */
final class Chunker implements Iterator<List<LedgerRecord>> {
    private final Iterator<LedgerRecord> records;
    private final int maxRecords;

    Chunker(Iterator<LedgerRecord> records, int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecordsPerChunk must be positive: " + maxRecords);
        }
        this.records = records;
        this.maxRecords = maxRecords;
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public List<LedgerRecord> next() {
        if (!records.hasNext()) {
            throw new NoSuchElementException();
        }
        List<LedgerRecord> chunk = new ArrayList<>(Math.min(maxRecords, 8192));
        while (chunk.size() < maxRecords && records.hasNext()) {
            chunk.add(records.next());
        }
        return chunk;
    }
}
