package org.batchledger.lineage.ledger.verify;

import java.util.List;
import org.batchledger.lineage.ledger.LedgerEntry;

/**
 * The ledger's entries as verification reads them: in sequence order, a page at a time, so a replay over any
 * number of entries holds one page. Implemented over whatever stores the entries (entry nodes, tile bundles).
 */
public interface EntrySource {
    /**
     * Up to {@code limit} entries with {@code afterSeq < seq <= lastSeq}, in sequence order; empty when there are
     * none. Entries whose stored form does not decode are left out (the chain check reports them).
     */
    List<LedgerEntry> page(long afterSeq, long lastSeq, int limit);
}
