package org.batchledger.lineage.ledger.tile;

import java.util.Arrays;
import java.util.Map;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/**
 * Cuts the tiled log back to a tree of {@code size} leaves: what staged appends beyond the head wrote is removed.
 * Tiles and bundles wholly beyond go in bounded deletes; the right-edge ones are cut to their width at
 * {@code size}, which is what they held before (a tile's first hashes and a bundle's first entries never change as
 * it grows).
 */
public final class TileTruncation {
    private static final String DELETE_BUNDLES = """
            MATCH (b:LedgerBundle) WHERE b.index >= $from WITH b LIMIT $limit DELETE b RETURN count(*) AS n""";
    private static final String DELETE_TILES = """
            MATCH (t:LedgerTile) WHERE t.level = $level AND t.index >= $from WITH t LIMIT $limit DELETE t
            RETURN count(*) AS n""";
    private static final String CUT_BUNDLE = """
            MATCH (b:LedgerBundle {index: $index}) SET b.width = $width, b.data = $data""";
    private static final String CUT_TILE = """
            MATCH (t:LedgerTile {level: $level, index: $index}) SET t.width = $width, t.hashes = $data""";

    private TileTruncation() {
    }

    /** Deletes up to {@code limit} bundles and tiles beyond a tree of {@code size}; returns how many. */
    public static long deleteBeyond(Tx tx, long size, int limit) {
        long n = tx.run(DELETE_BUNDLES, Map.of("from", ceilDiv(size), "limit", limit)).single().get("n").asLong();
        for (int level = 0; level < 8 && n < limit; level++) {
            long count = size >>> (TileId.HEIGHT * level);
            n += tx.run(DELETE_TILES, Map.of("level", level, "from", ceilDiv(count), "limit", limit - n))
                    .single().get("n").asLong();
        }
        return n;
    }

    /** Cuts the right-edge bundle and tiles back to their width at {@code size}; returns how many it cut. */
    public static long cutRightEdge(Tx tx, long size) {
        long cut = 0;
        if (size % TileId.WIDTH != 0) {
            long index = size / TileId.WIDTH;
            int width = (int) (size % TileId.WIDTH);
            var stored = TileStore.bundle(tx, index);
            if (stored.isPresent() && stored.get().width() > width) {
                byte[] data = Arrays.copyOf(stored.get().bytes(), EntryBundle.offsetOf(stored.get().bytes(), width));
                tx.run(CUT_BUNDLE, Map.of("index", index, "width", width, "data", data)).consume();
                cut++;
            }
        }
        for (TileId id : TileId.rightEdge(size)) {
            int width = id.widthAt(size);
            var stored = TileStore.tile(tx, id.level(), id.index());
            if (stored.isPresent() && stored.get().width() > width) {
                byte[] data = Arrays.copyOf(stored.get().bytes(), width * MerkleHash.SIZE);
                tx.run(CUT_TILE, Map.of("level", id.level(), "index", id.index(), "width", width, "data", data))
                        .consume();
                cut++;
            }
        }
        return cut;
    }

    private static long ceilDiv(long count) {
        return (count + TileId.WIDTH - 1) / TileId.WIDTH;
    }
}
