package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.batchledger.lineage.genealogy.Expansion.Edge;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The state of one breadth-first trace: every node reached once (the visited set), its hop and chosen parent, the
 * links among reached nodes, and the current frontier. Each edge is looked at once, so the work is linear in the
 * reached edges however many paths reconverge.
 */
final class Bfs {
    private final TraceDirection direction;
    private final List<TracedNode> nodes = new ArrayList<>();
    private final Map<RecordRef, Integer> index = new HashMap<>();
    private final Set<TraceLink> links = new LinkedHashSet<>();
    private List<RecordRef> frontier;

    Bfs(RecordRef start, TraceDirection direction) {
        this.direction = direction;
        add(start, 0, -1);
        frontier = List.of(start);
    }

    /** Nodes first reached through one expansion: key → all frontier keys leading to it, in key order. */
    record Fresh(TreeMap<String, List<String>> sources) {
        boolean isEmpty() {
            return sources.isEmpty();
        }
    }

    boolean frontierEmpty() {
        return frontier.isEmpty();
    }

    RecordType frontierType() {
        return frontier.getFirst().type();
    }

    List<String> frontierKeys() {
        return frontier.stream().map(RecordRef::key).toList();
    }

    int size() {
        return nodes.size();
    }

    /** Links each edge to an already reached node; returns the edges' new targets. */
    Fresh absorb(List<Edge> edges) {
        RecordType from = frontierType();
        RecordType to = HopQueries.other(from);
        var fresh = new TreeMap<String, List<String>>();
        for (Edge e : edges) {
            RecordRef target = new RecordRef(to, e.to());
            if (index.containsKey(target)) {
                link(new RecordRef(from, e.from()), target);
            } else {
                fresh.computeIfAbsent(e.to(), k -> new ArrayList<>(1)).add(e.from());
            }
        }
        return new Fresh(fresh);
    }

    /** Adds the first {@code room} new nodes (key order) as the next hop and makes them the frontier. */
    void advance(Fresh fresh, int room, int hop) {
        RecordType from = frontierType();
        RecordType to = HopQueries.other(from);
        List<RecordRef> next = new ArrayList<>(Math.min(room, fresh.sources().size()));
        for (var entry : fresh.sources().entrySet()) {
            if (next.size() == room) {
                break;
            }
            RecordRef target = new RecordRef(to, entry.getKey());
            List<String> sources = entry.getValue();
            String parent = sources.stream().min(String::compareTo).orElseThrow();
            add(target, hop, index.get(new RecordRef(from, parent)));
            sources.forEach(s -> link(new RecordRef(from, s), target));
            next.add(target);
        }
        frontier = next;
    }

    TraceResult result(RecordRef start, TraceLimits limits, Truncation cut) {
        List<TraceLink> all = links.stream().sorted(java.util.Comparator.comparing(TraceLink::sortKey)).toList();
        return new TraceResult(start, direction, limits, nodes, all, cut, Cycles.exist(nodes, all));
    }

    private void add(RecordRef ref, int hop, int parent) {
        index.put(ref, nodes.size());
        nodes.add(new TracedNode(ref, hop, parent));
    }

    /** Links point downstream whichever way the trace walks. */
    private void link(RecordRef frontierNode, RecordRef target) {
        links.add(direction == TraceDirection.DOWNSTREAM ? new TraceLink(frontierNode, target)
                : new TraceLink(target, frontierNode));
    }
}
