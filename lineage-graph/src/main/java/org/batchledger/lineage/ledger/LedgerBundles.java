package org.batchledger.lineage.ledger;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/** Ledger entries read back from their entry bundles: entry {@code seq} is entry {@code (seq-1) % 256} of bundle {@code (seq-1) / 256}. */
public final class LedgerBundles {
    private LedgerBundles() {
    }

    /** The bundle holding entry {@code seq}. */
    public static long bundleOf(long seq) {
        return (seq - 1) / TileId.WIDTH;
    }

    /** At most {@code limit} decoded entries of {@code (afterSeq, lastSeq]}, in order, from one bundle query. */
    public static List<LedgerEntry> page(Tx tx, long afterSeq, long lastSeq, int limit) {
        if (limit <= 0 || afterSeq >= lastSeq) {
            return List.of();
        }
        long last = Math.min(lastSeq, afterSeq + limit);
        int bundles = (int) (bundleOf(last) - bundleOf(afterSeq + 1) + 1);
        List<LedgerEntry> out = new ArrayList<>((int) (last - afterSeq));
        for (TileStore.BundleWithLeaves b : TileStore.bundles(tx, bundleOf(afterSeq + 1), bundleOf(last), bundles)) {
            decode(b.index(), b.data(), afterSeq, last, out);
        }
        return out;
    }

    /** The decoded entries of the given sequence numbers that the bundles hold, read with one query. */
    public static java.util.Map<Long, LedgerEntry> entries(Tx tx, java.util.Collection<Long> seqs) {
        java.util.Set<Long> indexes = new java.util.TreeSet<>();
        seqs.forEach(seq -> indexes.add(bundleOf(seq)));
        java.util.Map<Long, byte[]> bundles = TileStore.bundlesByIndex(tx, indexes);
        java.util.Map<Long, LedgerEntry> out = new java.util.HashMap<>();
        for (long seq : seqs) {
            byte[] data = bundles.get(bundleOf(seq));
            int at = data == null ? 0 : EntryBundle.offsetOf(data, (int) ((seq - 1) % TileId.WIDTH));
            if (data != null && at < data.length) {
                out.put(seq, CanonicalEntryDecoder.decode(data, at + 2, EntryBundle.length(data, at), seq));
            }
        }
        return out;
    }

    /** Appends the entries of {@code (afterSeq, lastSeq]} that bundle {@code index} holds to {@code out}. */
    public static void decode(long index, byte[] data, long afterSeq, long lastSeq, List<LedgerEntry> out) {
        long seq = index * TileId.WIDTH + 1;
        for (int at = 0; at < data.length; at = EntryBundle.next(data, at), seq++) {
            if (seq > afterSeq && seq <= lastSeq) {
                out.add(CanonicalEntryDecoder.decode(data, at + 2, EntryBundle.length(data, at), seq));
            }
        }
    }
}
