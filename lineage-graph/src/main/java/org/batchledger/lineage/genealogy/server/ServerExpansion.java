package org.batchledger.lineage.genealogy.server;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.genealogy.Bfs;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordType;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * One hop of a trace inside the server: the same edges as the driver's hop queries (lot → batch by
 * {@code CONSUMED_IN}, batch → lot by {@code PRODUCED}, lot ↔ sub-lot by {@code SUBLOT_OF}, between version-1
 * anchors, "as of" dropping edges recorded later), read through the node objects of the previous hop instead of an
 * index seek per key. A lot's two relationship types are read in one pass over its relationships; a graph without
 * any {@code SUBLOT_OF} edge (found out once per trace) reads lots as before. A neighbour's label and key are read
 * once per node, not once per edge into it; and while no ingest lease is held nothing is staged, so the current
 * trace reads no staging mark (the procedure checks the lease before and after, see {@link #leaseState}). Those
 * property reads were most of a trace's cost. It counts its work — node lookups, relationships read, neighbour
 * checks — which is the evidence that a trace is linear.
 */
final class ServerExpansion implements Bfs.Expander {
    private static final RelationshipType CONSUMED_IN = RelationshipType.withName("CONSUMED_IN");
    private static final RelationshipType PRODUCED = RelationshipType.withName("PRODUCED");
    private static final RelationshipType SUBLOT_OF = RelationshipType.withName("SUBLOT_OF");
    private static final Label LOT = Label.label(RecordType.LOT.graphName());

    private final Transaction tx;
    private final Long asOf;
    /** No ingest lease was held when the trace began, so no staged element exists to hide: marks are not read. */
    private final boolean noneStaged;
    private final boolean subLots;
    private final Map<RecordType, Map<String, Node>> reached = new EnumMap<>(RecordType.class);
    /** Keys of neighbours met, by node id, per expected type ("" if not of that type): a key is read once a node. */
    private final Map<RecordType, Map<Long, String>> keyOf = new EnumMap<>(RecordType.class);
    private long work;
    /** The committed head, read at the first marked element this trace meets; -1 until then. */
    private long head = -1;

    ServerExpansion(Transaction tx, Long asOf, boolean noneStaged) {
        this.tx = tx;
        this.asOf = asOf;
        this.noneStaged = noneStaged && asOf == null;
        try (var any = tx.findRelationships(SUBLOT_OF)) {
            this.subLots = any.hasNext();
        }
    }

    /** The start's anchor (version 1) if it exists as of the tree size, remembered for the first hop. */
    Node start(RecordType type, String key) {
        work++;
        Node node;
        try (var nodes = tx.findNodes(Label.label(type.graphName()), "key", key, "version", 1L)) {
            node = nodes.hasNext() ? nodes.next() : null;
        }
        if (node == null || (asOf != null && seq(node) > asOf) || (!noneStaged && !published(node))) {
            return null;
        }
        reached(type).put(key, node);
        return node;
    }

    @Override
    public List<Bfs.Edge> expand(List<String> frontierKeys, RecordType frontierType, TraceDirection direction) {
        boolean lots = frontierType == RecordType.LOT;
        boolean down = direction == TraceDirection.DOWNSTREAM;
        RelationshipType type = lots == down ? CONSUMED_IN : PRODUCED;
        Direction walk = down ? Direction.OUTGOING : Direction.INCOMING;
        RecordType otherType = lots ? RecordType.BATCH : RecordType.LOT;
        Label other = Label.label(otherType.graphName());
        Map<String, Node> from = reached(frontierType);
        Map<String, Node> to = reached(otherType);
        Map<Long, String> known = keyOf.computeIfAbsent(otherType, t -> new HashMap<>());
        List<Bfs.Edge> edges = new ArrayList<>();
        for (String key : frontierKeys) {
            Node node = from.get(key);
            long nodeId = node.getId();
            // a lot's CONSUMED_IN only leaves it and its PRODUCED only enters it, so BOTH reads the same of them
            boolean withSubLots = lots && subLots;
            var relationships = withSubLots ? node.getRelationships(Direction.BOTH, type, SUBLOT_OF)
                    : node.getRelationships(walk, type);
            for (Relationship r : relationships) {
                work++;
                if (withSubLots && r.isType(SUBLOT_OF)) {
                    subLot(node, key, r, down, edges);
                    continue;
                }
                if (hidden(r)) {
                    continue;
                }
                String neighbourKey = known.get(r.getOtherNodeId(nodeId));
                if (neighbourKey == null) {
                    Node neighbour = r.getOtherNode(node);
                    work++;
                    neighbourKey = neighbour.hasLabel(other) ? (String) neighbour.getProperty("key") : "";
                    known.put(neighbour.getId(), neighbourKey);
                    if (!neighbourKey.isEmpty()) {
                        to.putIfAbsent(neighbourKey, neighbour);
                    }
                }
                if (neighbourKey.isEmpty()) {
                    continue;
                }
                edges.add(new Bfs.Edge(key, neighbourKey));
            }
        }
        return edges;
    }

    /**
     * A {@code SUBLOT_OF} edge (sub-lot → lot) of a frontier lot: walked downstream into the sub-lot, upstream into
     * the lot. It has no bookkeeping of its own and exists from its later anchor's entry, so the neighbour's anchor
     * decides "as of" and visibility.
     */
    private void subLot(Node node, String key, Relationship r, boolean down, List<Bfs.Edge> edges) {
        boolean fromSubLot = r.getStartNode().equals(node);
        if (fromSubLot == down) {
            return;
        }
        Node neighbour = r.getOtherNode(node);
        work++;
        if (!neighbour.hasLabel(LOT) || hidden(neighbour)) {
            return;
        }
        String neighbourKey = (String) neighbour.getProperty("key");
        reached(RecordType.LOT).putIfAbsent(neighbourKey, neighbour);
        edges.add(new Bfs.Edge(key, neighbourKey, true));
    }

    /** Node lookups, relationships read and neighbours checked so far. */
    long work() {
        return work;
    }

    private Map<String, Node> reached(RecordType type) {
        return reached.computeIfAbsent(type, t -> new HashMap<>());
    }

    /**
     * Recorded after the tree size of an "as of" trace, or, for the current graph, staged and not yet published
     * (genealogy edges are never corrected, so only a staged one is hidden); while no lease is held, nothing is.
     */
    private boolean hidden(org.neo4j.graphdb.Entity entity) {
        return !noneStaged && (asOf != null ? seq(entity) > asOf : !published(entity));
    }

    // not an element of a large file whose ingest is not published yet (the head, read once, only for a marked one)
    private boolean published(org.neo4j.graphdb.Entity entity) {
        Object mark = entity.getProperty("supersededAtSeq", null);
        return mark == null || Visibility.published(mark, seq(entity), this::head);
    }

    /**
     * The ingest lease state on the ledger head: -1 while a lease is held (staged elements may exist), else how many
     * leases were ever taken. The same number before and after a trace means no staged element existed during it.
     */
    static long leaseState(Transaction tx) {
        Node h = ledgerHead(tx);
        if (h == null) {
            return 0;
        }
        return h.hasProperty("ingestKey") ? -1 : ((Number) h.getProperty("leases", 0L)).longValue();
    }

    private long head() {
        if (head < 0) {
            Node h = ledgerHead(tx);
            head = h == null ? 0 : ((Number) h.getProperty("seq", 0L)).longValue();
        }
        return head;
    }

    private static Node ledgerHead(Transaction tx) {
        return tx.findNode(Label.label(Visibility.HEAD_LABEL), "id", Visibility.HEAD_ID);
    }

    private static long seq(org.neo4j.graphdb.Entity entity) {
        return ((Number) entity.getProperty("ledgerSeq")).longValue();
    }
}
