package org.batchledger.lineage.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batchledger.lineage.ledger.CanonicalEntryDecoder;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.MerkleStore;
import org.batchledger.lineage.ledger.proof.MerkleProofs;
import org.batchledger.lineage.ledger.proof.NodeId;
import org.batchledger.lineage.ledger.proof.ProofNodes;
import org.batchledger.lineage.ledger.proof.SubtreeHashes;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.store.GraphDatabase;

/**
 * The ledger side of a package: each entry's exact committed bytes, cut from its entry bundle (the bytes the Merkle
 * leaf was computed from, not a re-encoding), and the inclusion proofs of all of them against one tree size, with
 * the Merkle nodes of every proof fetched together in a few queries rather than one query per entry.
 */
final class LedgerMaterial {
    /** Merkle node IDs per fetch: bounded, so a large package does not make one huge parameter list. */
    private static final int NODES_PER_FETCH = 20_000;
    private static final HexFormat HEX = HexFormat.of();

    /** One entry: its committed bytes and what they decode to. */
    record Entry(long seq, byte[] bytes, LedgerEntry entry) {
    }

    private final GraphDatabase db;

    LedgerMaterial(GraphDatabase db) {
        this.db = db;
    }

    Map<Long, Entry> entries(Collection<Long> seqs) {
        return db.read(tx -> {
            Set<Long> indexes = new TreeSet<>();
            seqs.forEach(seq -> indexes.add(LedgerBundles.bundleOf(seq)));
            Map<Long, byte[]> bundles = TileStore.bundlesByIndex(tx, indexes);
            Map<Long, Entry> out = new TreeMap<>();
            for (long seq : seqs) {
                byte[] data = bundles.get(LedgerBundles.bundleOf(seq));
                int at = data == null ? 0 : EntryBundle.offsetOf(data, (int) ((seq - 1) % TileId.WIDTH));
                if (data == null || at >= data.length) {
                    throw new IllegalStateException("ledger entry " + seq + " is missing from its entry bundle");
                }
                int length = EntryBundle.length(data, at);
                byte[] bytes = java.util.Arrays.copyOfRange(data, at + 2, at + 2 + length);
                out.put(seq, new Entry(seq, bytes, CanonicalEntryDecoder.decode(bytes, seq)));
            }
            return out;
        });
    }

    /** The audit path of every entry in the tree of {@code treeSize}, lower-case hex, leaf side first. */
    Map<Long, List<String>> inclusionProofs(Collection<Long> seqs, long treeSize) {
        Set<NodeId> ids = new LinkedHashSet<>();
        for (long seq : seqs) {
            ids.addAll(ProofNodes.forInclusion(seq - 1, treeSize));
        }
        Map<NodeId, byte[]> nodes = new java.util.HashMap<>();
        List<NodeId> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += NODES_PER_FETCH) {
            List<NodeId> chunk = all.subList(from, Math.min(all.size(), from + NODES_PER_FETCH));
            nodes.putAll(db.read(tx -> MerkleStore.fetch(tx, chunk)));
        }
        SubtreeHashes tree = SubtreeHashes.fromNodes(nodes::get);
        Map<Long, List<String>> out = new TreeMap<>();
        for (long seq : seqs) {
            out.put(seq, MerkleProofs.inclusionProof(seq - 1, treeSize, tree).stream().map(HEX::formatHex).toList());
        }
        return out;
    }
}
