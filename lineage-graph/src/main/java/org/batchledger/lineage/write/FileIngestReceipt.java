package org.batchledger.lineage.write;

import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * What a file's write did: records per type (its SourceFile included), the ledger range, the references kept open,
 * and the records the file repeats that were already recorded with the same content (skipped, not written twice).
 */
public record FileIngestReceipt(Map<RecordType, Integer> counts, long firstSeq, long lastSeq,
                                List<PendingReference> pending, List<RecordRef> alreadyRecorded, boolean replayed,
                                Bookmarks bookmarks) {
}
