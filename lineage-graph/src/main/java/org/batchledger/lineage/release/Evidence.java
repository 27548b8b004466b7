package org.batchledger.lineage.release;

import org.batchledger.schema.record.RecordRef;

/** A link to a record behind a check or an exception, with what it shows in words. */
public record Evidence(String label, RecordRef record) {
    static Evidence of(RecordRef record, String label) {
        return new Evidence(label, record);
    }
}
