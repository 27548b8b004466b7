package org.batchledger.lineage.ledger.tile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchledger.lineage.ledger.proof.NodeId;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.neo4j.driver.Value;

/** Reads and writes of {@code LedgerTile} and {@code LedgerBundle} nodes, each set of them in one query. */
public final class TileStore {
    private static final String READ_TILES = """
            UNWIND $ids AS id
            MATCH (t:LedgerTile {level: id[0], index: id[1]})
            RETURN t.level AS level, t.index AS index, t.width AS width, t.hashes AS bytes""";
    private static final String READ_TILES_WITH_HEAD = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'})
            RETURN coalesce(h.treeSize, 0) AS treeSize, COLLECT {
              UNWIND $ids AS id
              MATCH (t:LedgerTile {level: id[0], index: id[1]})
              RETURN [t.level, t.index, t.width, t.hashes]
            } AS tiles""";
    private static final String READ_EDGE = """
            RETURN COLLECT {
              UNWIND $ids AS id
              MATCH (t:LedgerTile {level: id[0], index: id[1]})
              RETURN [t.level, t.index, t.width, t.hashes]
            } AS tiles, COLLECT {
              MATCH (b:LedgerBundle {index: $bundle}) RETURN [b.width, b.data]
            } AS bundles""";
    private static final String WRITE_TILES = """
            UNWIND $tiles AS t
            MERGE (n:LedgerTile {level: t[0], index: t[1]})
            SET n.width = t[2], n.hashes = t[3]""";
    private static final String WRITE_BUNDLES = """
            UNWIND $bundles AS b
            MERGE (n:LedgerBundle {index: b[0]})
            SET n.width = b[1], n.data = b[2]""";
    private static final String READ_BUNDLE = """
            MATCH (b:LedgerBundle {index: $index}) RETURN b.index AS index, b.width AS width, b.data AS bytes""";
    private static final String READ_TILE = """
            MATCH (t:LedgerTile {level: $level, index: $index})
            RETURN t.level AS level, t.index AS index, t.width AS width, t.hashes AS bytes""";

    /** A keyset page of bundles with their level-0 tiles (public for the test that pins its plan). */
    public static final String BUNDLE_PAGE = """
            MATCH (b:LedgerBundle) WHERE b.index >= $from AND b.index <= $to
            WITH b ORDER BY b.index LIMIT $limit
            OPTIONAL MATCH (t:LedgerTile {level: 0, index: b.index})
            RETURN b.index AS index, b.width AS width, b.data AS data, t.hashes AS leaves""";

    private static final String BUNDLES_BY_INDEX = """
            UNWIND $indexes AS i
            MATCH (b:LedgerBundle {index: i})
            RETURN b.index AS index, b.width AS width, b.data AS data""";

    private TileStore() {
    }

    /** The stored hashes of the given Merkle nodes; nodes the tiles do not (yet) hold are absent. */
    public static Map<NodeId, byte[]> nodes(Tx tx, Collection<NodeId> ids) {
        Map<TileId, Growable> tiles = new HashMap<>();
        tx.run(READ_TILES, Map.of("ids", keys(TileNodes.tilesOf(ids)))).forEachRemaining(r -> tiles.put(
                new TileId(r.get("level").asInt(), r.get("index").asLong()),
                new Growable(r.get("bytes").asByteArray(), r.get("width").asInt())));
        return TileNodes.hashes(ids, tiles::get);
    }

    /** Node hashes and the ledger head's tree size, in one query. */
    public static NodesAndSize nodesWithHeadSize(Tx tx, Collection<NodeId> ids) {
        var row = tx.run(READ_TILES_WITH_HEAD, Map.of("ids", keys(TileNodes.tilesOf(ids)))).single();
        Map<TileId, Growable> tiles = new HashMap<>();
        row.get("tiles").asList(v -> v).forEach(t -> putTile(tiles, t));
        return new NodesAndSize(row.get("treeSize").asLong(), TileNodes.hashes(ids, tiles::get));
    }

    /** See {@link #nodesWithHeadSize}. */
    public record NodesAndSize(long headTreeSize, Map<NodeId, byte[]> nodes) {
    }

    /** One hash tile as stored (a right-edge tile may be partial). */
    public static Optional<StoredTile> tile(Tx tx, int level, long index) {
        var result = tx.run(READ_TILE, Map.of("level", level, "index", index));
        return result.hasNext() ? Optional.of(stored(result.single(), level)) : Optional.empty();
    }

    /** One entry bundle as stored (the last one may be partial). */
    public static Optional<StoredTile> bundle(Tx tx, long index) {
        var result = tx.run(READ_BUNDLE, Map.of("index", index));
        return result.hasNext() ? Optional.of(stored(result.single(), -1)) : Optional.empty();
    }

    private static StoredTile stored(org.neo4j.driver.Record r, int level) {
        return new StoredTile(level, r.get("index").asLong(), r.get("width").asInt(), r.get("bytes").asByteArray());
    }

    /** Bundles {@code from..to} (by index, at most {@code limit}) in order, each with its level-0 tile's hashes. */
    public static List<BundleWithLeaves> bundles(Tx tx, long from, long to, int limit) {
        return tx.run(BUNDLE_PAGE, Map.of("from", from, "to", to, "limit", limit)).list(r -> new BundleWithLeaves(
                r.get("index").asLong(), r.get("width").asInt(), r.get("data").asByteArray(),
                r.get("leaves").isNull() ? null : r.get("leaves").asByteArray()));
    }

    /** The bundles of the given indexes (missing ones are absent), in one query. */
    public static Map<Long, byte[]> bundlesByIndex(Tx tx, Collection<Long> indexes) {
        Map<Long, byte[]> found = new HashMap<>();
        tx.run(BUNDLES_BY_INDEX, Map.of("indexes", List.copyOf(indexes))).forEachRemaining(r ->
                found.put(r.get("index").asLong(), r.get("data").asByteArray()));
        return found;
    }

    /** An entry bundle and the level-0 hash tile of the same index (null when that tile is missing). */
    public record BundleWithLeaves(long index, int width, byte[] data, byte[] leaves) {
    }

    // The right-edge tiles and bundle of a tree of `size` leaves, read together.
    static Edge readEdge(Tx tx, long size) {
        var row = tx.run(READ_EDGE, Map.of("ids", keys(TileId.rightEdge(size)),
                "bundle", size / TileId.WIDTH)).single();
        Map<TileId, Growable> tiles = new HashMap<>();
        row.get("tiles").asList(v -> v).forEach(t -> putTile(tiles, t));
        List<Value> bundles = row.get("bundles").asList(v -> v);
        Growable bundle = bundles.isEmpty() ? null
                : new Growable(bundles.getFirst().get(1).asByteArray(), bundles.getFirst().get(0).asInt());
        return new Edge(tiles, bundle);
    }

    record Edge(Map<TileId, Growable> tiles, Growable bundle) {
    }

    static void write(Tx tx, Map<TileId, Growable> tiles, Map<Long, Growable> bundles) {
        List<List<Object>> tileRows = new ArrayList<>();
        tiles.forEach((id, t) -> {
            if (t.changed) {
                tileRows.add(List.of(id.level(), id.index(), t.width, t.bytes()));
            }
        });
        List<List<Object>> bundleRows = new ArrayList<>();
        bundles.forEach((index, b) -> bundleRows.add(List.of(index, b.width, b.bytes())));
        if (!tileRows.isEmpty()) {
            tx.run(WRITE_TILES, Map.of("tiles", tileRows)).consume();
        }
        if (!bundleRows.isEmpty()) {
            tx.run(WRITE_BUNDLES, Map.of("bundles", bundleRows)).consume();
        }
    }

    private static void putTile(Map<TileId, Growable> tiles, Value t) {
        tiles.put(new TileId(t.get(0).asInt(), t.get(1).asLong()),
                new Growable(t.get(3).asByteArray(), t.get(2).asInt()));
    }

    private static List<List<Long>> keys(Collection<TileId> ids) {
        return ids.stream().map(id -> List.of((long) id.level(), id.index())).toList();
    }
}
