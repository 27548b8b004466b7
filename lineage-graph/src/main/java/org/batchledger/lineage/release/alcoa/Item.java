package org.batchledger.lineage.release.alcoa;

import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;

/**
 * One record of the batch as the rules see it: the version valid at the tree size, decoded ({@code record} is null
 * when the stored properties do not form a valid record), its stored properties, and every version recorded by then.
 *
 * @param files keys of the SourceFiles the record's anchor points at ({@code FROM})
 */
record Item(RecordRef ref, LedgerRecord record, Map<String, Object> stored, List<Version> history,
            List<String> files) {
    /** One version of a record: the entry that created it and its content hash. */
    record Version(long seq, long version, String contentHash) {
    }

    Item {
        history = List.copyOf(history);
        files = List.copyOf(files);
    }

    /** The version valid at the tree size (the last one recorded by then). */
    Version current() {
        return history.getLast();
    }

    long seq() {
        return current().seq();
    }

    String source() {
        return stored.get("source") instanceof String s ? s : null;
    }

    /** The file hash of a record ingested from a file ({@code file:sha256:<hex>} gives {@code <hex>}), else null. */
    String fileKey() {
        String source = source();
        return source != null && source.startsWith("file:") ? source.substring("file:".length()) : null;
    }

    Evidence evidence() {
        return Evidence.of(ref.type().graphName() + " " + ref.key(), ref);
    }
}
