package org.batchledger.lineage.ledger.verify;

import java.util.List;
import org.batchledger.lineage.ledger.LedgerEntry;

/** Where verification reads entries from: the entries after {@code afterSeq} up to {@code lastSeq}, in order. */
public interface EntrySource {
    /** At most {@code limit} entries of {@code (afterSeq, lastSeq]}, in sequence order; empty past the end. */
    List<LedgerEntry> page(long afterSeq, long lastSeq, int limit);
}
