package org.batchledger.lineage.ledger.tile;

/** One hash tile's place: {@code level} (tree height {@code 8·level}) and {@code index} (hashes index·256 ..). */
public record TileId(int level, long index) {
    /** Hashes (or entries) per full tile. */
    public static final int WIDTH = 256;
    /** Tree levels one tile spans. */
    public static final int HEIGHT = 8;

    public TileId {
        if (level < 0 || level > 7 || index < 0) {
            throw new IllegalArgumentException("no such tile: level " + level + ", index " + index);
        }
    }

    /** How many hashes this tile holds in a tree of {@code size} leaves (0..256). */
    public int widthAt(long size) {
        long count = size >>> (HEIGHT * level);
        return (int) Math.max(0, Math.min(WIDTH, count - index * WIDTH));
    }

    /** The right-edge (partial) tiles of a tree of {@code size} leaves, lowest level first. */
    static java.util.List<TileId> rightEdge(long size) {
        java.util.List<TileId> edge = new java.util.ArrayList<>();
        for (int level = 0; level < 8 && size >>> (HEIGHT * level) > 0; level++) {
            long count = size >>> (HEIGHT * level);
            if (count % WIDTH != 0) {
                edge.add(new TileId(level, count / WIDTH));
            }
        }
        return edge;
    }
}
