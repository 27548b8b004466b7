package org.batchledger.lineage.ledger.tile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.proof.Frontier;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.ledger.proof.MerkleNode;
import org.batchledger.lineage.ledger.proof.NodeId;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/**
 * Appends entries to the tiled log in the caller's transaction: reads the right-edge tiles and bundle once, takes
 * the frontier from them, appends the leaves, and writes back every tile and bundle that changed or was created.
 */
public final class TileLog {
    private TileLog() {
    }

    /** Refuses an entry too long for a bundle, before anything is read or written. */
    public static void requireFits(long firstSeq, List<byte[]> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).length > EntryBundle.MAX_ENTRY) {
                throw new EntryTooLongException(firstSeq + i, entries.get(i).length);
            }
        }
    }

    /**
     * Appends {@code entries} (canonical bytes) after the first {@code size} and returns the new tree's root.
     *
     * @throws EntryTooLongException if an entry exceeds 65535 bytes (nothing is written)
     */
    public static byte[] append(Tx tx, long size, List<byte[]> entries) {
        requireFits(size + 1, entries);
        TileStore.Edge edge = TileStore.readEdge(tx, size);
        Map<TileId, Growable> tiles = new HashMap<>(edge.tiles());
        Frontier frontier = frontier(size, tiles);
        List<byte[]> leaves = new ArrayList<>(entries.size());
        entries.forEach(e -> leaves.add(MerkleHash.leaf(e)));
        Frontier.Appended appended = frontier.appendAll(leaves);
        for (MerkleNode node : appended.completed()) {
            if (node.id().level() % TileId.HEIGHT == 0) {
                place(tiles, node);
            }
        }
        TileStore.write(tx, tiles, bundles(size, edge.bundle(), entries));
        return appended.root();
    }

    private static Frontier frontier(long size, Map<TileId, Growable> tiles) {
        for (TileId id : TileId.rightEdge(size)) {
            Growable t = tiles.get(id);
            if (t == null || t.width != id.widthAt(size)) {
                throw new IllegalStateException("the ledger's tile (" + id.level() + ", " + id.index() + ") is "
                        + (t == null ? "missing" : "of width " + t.width) + "; the tree of size " + size
                        + " cannot be extended");
            }
        }
        List<NodeId> ids = Frontier.nodeIds(size);
        Map<NodeId, byte[]> hashes = TileNodes.hashes(ids, tiles::get);
        return Frontier.restore(size, ids.stream().map(hashes::get).toList());
    }

    private static void place(Map<TileId, Growable> tiles, MerkleNode node) {
        long position = node.id().index();
        Growable tile = tiles.computeIfAbsent(new TileId(node.id().level() / TileId.HEIGHT,
                position / TileId.WIDTH), id -> new Growable(null, 0));
        if (tile.width != position % TileId.WIDTH) {
            throw new IllegalStateException("tile hash " + position + " out of order at level " + node.id().level());
        }
        tile.add(node.hash());
        tile.width++;
    }

    private static Map<Long, Growable> bundles(long size, Growable edge, List<byte[]> entries) {
        Map<Long, Growable> bundles = new HashMap<>();
        if (size % TileId.WIDTH != 0) {
            if (edge == null || edge.width != size % TileId.WIDTH) {
                throw new IllegalStateException("the ledger's entry bundle " + size / TileId.WIDTH + " is "
                        + (edge == null ? "missing" : "of width " + edge.width) + " at size " + size);
            }
            bundles.put(size / TileId.WIDTH, edge);
        }
        long position = size;
        for (byte[] entry : entries) {
            Growable bundle = bundles.computeIfAbsent(position / TileId.WIDTH, i -> new Growable(null, 0));
            EntryBundle.append(bundle, entry);
            bundle.width++;
            position++;
        }
        return bundles;
    }
}
