package org.batchledger.lineage.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.proof.Frontier;
import org.batchledger.lineage.ledger.proof.MerkleNode;
import org.batchledger.lineage.ledger.proof.NodeId;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/**
 * The ledger's Merkle tree in the graph: every completed perfect subtree as {@code (:MerkleNode {level, index,
 * hash})} (hash as lower-case hex), written once, unique on {@code (level, index)}. Any root or proof needs
 * O(log n) of them, fetched in one {@code UNWIND}.
 */
public final class MerkleStore {
    private static final HexFormat HEX = HexFormat.of();
    private static final String FETCH = """
            UNWIND $ids AS id
            MATCH (m:MerkleNode {level: id[0], index: id[1]})
            RETURN m.level AS level, m.index AS index, m.hash AS hash""";
    private static final String FETCH_WITH_HEAD = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'})
            RETURN coalesce(h.treeSize, 0) AS treeSize, COLLECT {
              UNWIND $ids AS id
              MATCH (m:MerkleNode {level: id[0], index: id[1]})
              RETURN [m.level, m.index, m.hash]
            } AS nodes""";
    private static final String CREATE = """
            UNWIND $nodes AS n
            CREATE (:MerkleNode {level: n[0], index: n[1], hash: n[2]})""";

    private MerkleStore() {
    }

    /** The stored hashes of the given nodes; absent ones are missing from the map. */
    public static Map<NodeId, byte[]> fetch(Tx tx, Collection<NodeId> ids) {
        List<List<Long>> keys = ids.stream().map(id -> List.of((long) id.level(), id.index())).toList();
        Map<NodeId, byte[]> found = new HashMap<>();
        tx.run(FETCH, Map.of("ids", keys)).forEachRemaining(r -> found.put(
                new NodeId(r.get("level").asInt(), r.get("index").asLong()), HEX.parseHex(r.get("hash").asString())));
        return found;
    }

    /** Stored node hashes and the ledger's tree size, read in one query (a proof for a given size needs both). */
    public record Fetched(long headTreeSize, Map<NodeId, byte[]> nodes) {
    }

    public static Fetched fetchWithHeadSize(Tx tx, Collection<NodeId> ids) {
        List<List<Long>> keys = ids.stream().map(id -> List.of((long) id.level(), id.index())).toList();
        var row = tx.run(FETCH_WITH_HEAD, Map.of("ids", keys)).single();
        Map<NodeId, byte[]> found = new HashMap<>();
        for (Object o : row.get("nodes").asList()) {
            List<?> n = (List<?>) o;
            found.put(new NodeId(((Long) n.get(0)).intValue(), (Long) n.get(1)), HEX.parseHex((String) n.get(2)));
        }
        return new Fetched(row.get("treeSize").asLong(), found);
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

    static void persist(Tx tx, List<MerkleNode> nodes) {
        List<List<Object>> rows = new ArrayList<>(nodes.size());
        nodes.forEach(n -> rows.add(List.of(n.id().level(), n.id().index(), HEX.formatHex(n.hash()))));
        tx.run(CREATE, Map.of("nodes", rows)).consume();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }
}
