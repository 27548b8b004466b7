package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * One breadth-first trace: every node reached once (the visited set), its hop and chosen parent, the links among
 * reached nodes, and the current frontier. Each edge is looked at once, so the work is linear in the reached edges
 * however many paths reconverge. Where the edges come from is the {@link Expander}'s business: the driver, hop by
 * hop ({@link Expansion}), or the database server itself ({@code genealogy.server}), with the same answer.
 */
public final class Bfs {
    private final TraceDirection direction;
    private final List<TracedNode> nodes = new ArrayList<>();
    private final Map<RecordRef, Integer> index = new HashMap<>();
    private final Set<TraceLink> links = new LinkedHashSet<>();
    private List<RecordRef> frontier;

    /** Expands a whole frontier (all lots or all batches) by one hop. */
    @FunctionalInterface
    public interface Expander {
        List<Edge> expand(List<String> frontierKeys, RecordType frontierType, TraceDirection direction);
    }

    /** A genealogy edge as walked: from a frontier key to a neighbour's key. */
    public record Edge(String from, String to) {
    }

    /**
     * The trace from {@code start} within the limits; past {@code deadlineNanos} (a {@link System#nanoTime()} value)
     * it stops between hops and flags DEADLINE. The start must exist.
     */
    public static TraceResult walk(RecordRef start, TraceDirection direction, TraceLimits limits, long deadlineNanos,
                                   Expander expander) {
        var bfs = new Bfs(start, direction);
        Truncation cut = null;
        for (int hop = 0; cut == null && !bfs.frontierEmpty(); hop++) {
            if (System.nanoTime() - deadlineNanos > 0) {
                cut = Truncation.DEADLINE;
                break;
            }
            Fresh fresh = bfs.absorb(expander.expand(bfs.frontierKeys(), bfs.frontierType(), direction));
            if (hop == limits.maxHops()) {
                cut = fresh.isEmpty() ? null : Truncation.HOP_LIMIT;
                break;
            }
            int room = limits.maxNodes() - bfs.size();
            cut = fresh.sources().size() > room ? Truncation.NODE_BUDGET : null;
            bfs.advance(fresh, room, hop + 1);
        }
        if (cut == Truncation.NODE_BUDGET && !bfs.frontierEmpty()) {
            // the last, partly kept hop is not expanded further; still link it to the nodes already reached
            bfs.absorb(expander.expand(bfs.frontierKeys(), bfs.frontierType(), direction));
        }
        return bfs.result(start, limits, cut);
    }

    private Bfs(RecordRef start, TraceDirection direction) {
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
        RecordType to = other(from);
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
        RecordType to = other(from);
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
        // each link's sort key built once, not once per comparison
        var byKey = new TreeMap<String, TraceLink>();
        links.forEach(l -> byKey.put(l.sortKey(), l));
        List<TraceLink> all = List.copyOf(byKey.values());
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

    /** Genealogy alternates: lots lead to batches and batches to lots. */
    private static RecordType other(RecordType type) {
        return type == RecordType.LOT ? RecordType.BATCH : RecordType.LOT;
    }
}
