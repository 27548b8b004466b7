package org.batchledger.lineage.ledger.tile;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.ledger.proof.NodeId;

/**
 * Merkle nodes from tiles. Node (l, i) lies in the tile at level {@code l/8}: stored there when {@code l % 8 == 0},
 * else hashed up from the {@code 2^(l%8)} consecutive hashes below it, which always share one tile.
 */
final class TileNodes {
    private TileNodes() {
    }

    static TileId tileOf(NodeId id) {
        int k = id.level() % TileId.HEIGHT;
        return new TileId(id.level() / TileId.HEIGHT, (id.index() << k) / TileId.WIDTH);
    }

    static Set<TileId> tilesOf(Collection<NodeId> ids) {
        Set<TileId> tiles = new LinkedHashSet<>();
        ids.forEach(id -> tiles.add(tileOf(id)));
        return tiles;
    }

    /** The hashes of the nodes the tiles hold completely; the others are absent from the map. */
    static Map<NodeId, byte[]> hashes(Collection<NodeId> ids, Function<TileId, Growable> tiles) {
        Map<NodeId, byte[]> found = new HashMap<>();
        for (NodeId id : ids) {
            TileId tile = tileOf(id);
            Growable stored = tiles.apply(tile);
            int k = id.level() % TileId.HEIGHT;
            int first = (int) ((id.index() << k) - tile.index() * TileId.WIDTH);
            if (stored != null && first + (1 << k) <= stored.width) {
                found.put(id, hash(stored, first, 1 << k));
            }
        }
        return found;
    }

    // The RFC 9162 hash of a perfect subtree over `count` (a power of two) consecutive tile hashes.
    private static byte[] hash(Growable tile, int first, int count) {
        if (count == 1) {
            return tile.hashAt(first);
        }
        return MerkleHash.node(hash(tile, first, count / 2), hash(tile, first + count / 2, count / 2));
    }
}
