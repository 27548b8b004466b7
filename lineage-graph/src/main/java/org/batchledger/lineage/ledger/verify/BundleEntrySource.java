package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.CanonicalEntryDecoder;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.store.GraphDatabase;

/**
 * {@link EntrySource} over the entry bundles: each page is one read of the bundles it spans, strictly decoded. An
 * entry (or the rest of a bundle) that no longer decodes is left out: the chain check names it, and the replay then
 * reports its graph element as one no entry accounts for.
 */
public final class BundleEntrySource implements EntrySource {
    private final GraphDatabase db;

    public BundleEntrySource(GraphDatabase db) {
        this.db = db;
    }

    @Override
    public List<LedgerEntry> page(long afterSeq, long lastSeq, int limit) {
        if (limit <= 0 || afterSeq >= lastSeq) {
            return List.of();
        }
        long last = Math.min(lastSeq, afterSeq + limit);
        long first = LedgerBundles.bundleOf(afterSeq + 1);
        int count = (int) (LedgerBundles.bundleOf(last) - first + 1);
        List<LedgerEntry> out = new ArrayList<>((int) (last - afterSeq));
        for (TileStore.BundleWithLeaves b : db.read(tx -> TileStore.bundles(tx, first, LedgerBundles.bundleOf(last),
                count))) {
            decode(b.index(), b.data(), afterSeq, last, out);
        }
        return out;
    }

    private static void decode(long index, byte[] data, long afterSeq, long last, List<LedgerEntry> out) {
        long seq = index * TileId.WIDTH + 1;
        try {
            for (int at = 0; at < data.length; at = EntryBundle.next(data, at), seq++) {
                if (seq > afterSeq && seq <= last) {
                    try {
                        out.add(CanonicalEntryDecoder.decode(data, at + 2, EntryBundle.length(data, at), seq));
                    } catch (RuntimeException e) {
                        // not an entry any more: ChainCheck reports it
                    }
                }
            }
        } catch (RuntimeException e) {
            // the bundle's framing is broken from here on: ChainCheck reports it
        }
    }
}
