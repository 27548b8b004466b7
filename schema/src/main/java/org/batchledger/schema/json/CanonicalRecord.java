package org.batchledger.schema.json;

import java.util.Map;
import org.batchledger.schema.record.LedgerRecord;

/**
 * A record's RFC 8785 canonical bytes, its content hash (lower-case hex SHA-256 of those bytes) and the flat map of
 * simple values a graph node or relationship stores ({@link RecordProperties}), all from one pass over the record's
 * components. This is the one way the hub derives them; {@link CanonicalJson#contentHash} and
 * {@link RecordProperties#of} delegate here.
 *
 * @param properties a new, mutable map the caller may add bookkeeping to
 */
public record CanonicalRecord(byte[] bytes, String contentHash, Map<String, Object> properties) {

    public static CanonicalRecord of(LedgerRecord record) {
        return RecordEncoder.local().encode(record, true);
    }
}
