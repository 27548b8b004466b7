package org.batchledger.lineage.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.proof.Frontier;
import org.batchledger.lineage.ledger.proof.NodeId;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/**
 * The ledger's Merkle tree as proofs see it: completed perfect subtrees by {@link NodeId}, read from the
 * tlog-tiles hash tiles ({@code lineage.ledger.tile}). Any root or proof needs O(log n) nodes, which lie in a few
 * tiles fetched in one {@code UNWIND}.
 */
public final class MerkleStore {
    private static final HexFormat HEX = HexFormat.of();

    private MerkleStore() {
    }

    /** The stored hashes of the given nodes; absent ones are missing from the map. */
    public static Map<NodeId, byte[]> fetch(Tx tx, Collection<NodeId> ids) {
        return TileStore.nodes(tx, ids);
    }

    /** Stored node hashes and the ledger's tree size, read in one query (a proof for a given size needs both). */
    public record Fetched(long headTreeSize, Map<NodeId, byte[]> nodes) {
    }

    public static Fetched fetchWithHeadSize(Tx tx, Collection<NodeId> ids) {
        TileStore.NodesAndSize read = TileStore.nodesWithHeadSize(tx, ids);
        return new Fetched(read.headTreeSize(), read.nodes());
    }

    /** The right edge of the stored tree of {@code size} leaves, from which the next append continues. */
    public static Frontier frontier(Tx tx, long size) {
        List<NodeId> ids = Frontier.nodeIds(size);
        Map<NodeId, byte[]> stored = fetch(tx, ids);
        List<byte[]> hashes = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            byte[] hash = stored.get(id);
            if (hash == null) {
                throw new IllegalStateException("the ledger's Merkle node (" + id.level() + ", " + id.index()
                        + ") is missing; the tree of size " + size + " cannot be extended");
            }
            hashes.add(hash);
        }
        return Frontier.restore(size, hashes);
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }
}
