package org.batchledger.ingest;

import org.batchledger.schema.record.LedgerRecord;

/** Where an adapter streams its output; the pipeline batches, validates and writes it. */
public interface RecordSink {

    void record(LedgerRecord record);

    /** Something lenient: read anyway, but the report says so. */
    void warning(IngestFinding warning);

    /** The media type detected in this file's content (Tika's, for documents): it wins over the adapter's format's. */
    default void mediaType(String detected) {
    }
}
