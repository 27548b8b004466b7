package org.batchledger.lineage.write;

import java.util.Map;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.schema.record.RecordType;

/**
 * What a write did: records per type and the ledger range it appended. {@code replayed} says the idempotency key
 * had already committed, so nothing was written this time.
 */
public record WriteReceipt(String idempotencyKey, Map<RecordType, Integer> counts, long firstSeq, long lastSeq,
                           String headHash, boolean replayed, Bookmarks bookmarks) {
}
