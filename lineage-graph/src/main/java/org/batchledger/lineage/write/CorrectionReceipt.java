package org.batchledger.lineage.write;

import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.schema.record.LedgerRecord;

/**
 * A correction's outcome: the new version, its number, the ledger entry that records it (old → new content hash),
 * and the bookmark to read it back on any replica.
 */
public record CorrectionReceipt(LedgerRecord record, long version, long seq, String contentHash,
                                String supersedesHash, boolean replayed, Bookmarks bookmarks) {
}
