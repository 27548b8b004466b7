package org.batchledger.lineage.ledger.verify;

import java.util.List;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.store.GraphDatabase;

/** {@link EntrySource} over the entry bundles: each page is one read of the bundles it spans, strictly decoded. */
public final class BundleEntrySource implements EntrySource {
    private final GraphDatabase db;

    public BundleEntrySource(GraphDatabase db) {
        this.db = db;
    }

    @Override
    public List<LedgerEntry> page(long afterSeq, long lastSeq, int limit) {
        return db.read(tx -> LedgerBundles.page(tx, afterSeq, lastSeq, limit));
    }
}
