package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.Comparator;
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
 * Genealogy alternates lot → batch → lot, except that a lot also leads to its sub-lots (downstream) and a sub-lot to
 * its lot (upstream), so a frontier may hold lots and batches; each type is expanded by one call per hop, so a plant
 * without sub-lots costs what it did before.
 */
public final class Bfs {
    private final TraceDirection direction;
    private final List<TracedNode> nodes = new ArrayList<>();
    private final Map<RecordRef, Integer> index = new HashMap<>();
    private final Set<TraceLink> links = new LinkedHashSet<>();
    private List<RecordRef> frontier;

    /** Expands all lots or all batches of a frontier by one hop. */
    @FunctionalInterface
    public interface Expander {
        List<Edge> expand(List<String> frontierKeys, RecordType frontierType, TraceDirection direction);
    }

    /**
     * A genealogy edge as walked: from a frontier key to a neighbour's key, the neighbour being of the other type
     * (lot ↔ batch), or, for {@code subLot}, a lot too (the lot's sub-lot downstream, the sub-lot's lot upstream).
     */
    public record Edge(String from, String to, boolean subLot) {
        public Edge(String from, String to) {
            this(from, to, false);
        }
    }

    /** Node order within a hop: by type, then key — the order of the global IDs' {@code Label:key} text. */
    static final Comparator<RecordRef> ORDER = Comparator.comparing((RecordRef r) -> r.type().graphName())
            .thenComparing(RecordRef::key);

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
            Fresh fresh = bfs.absorbHop(expander, direction);
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
            bfs.absorbHop(expander, direction);
        }
        return bfs.result(start, limits, cut);
    }

    private Bfs(RecordRef start, TraceDirection direction) {
        this.direction = direction;
        add(start, 0, -1);
        frontier = List.of(start);
    }

    /** Nodes first reached through one hop: node → all frontier nodes leading to it, in {@link #ORDER}. */
    record Fresh(TreeMap<RecordRef, List<RecordRef>> sources) {
        boolean isEmpty() {
            return sources.isEmpty();
        }
    }

    boolean frontierEmpty() {
        return frontier.isEmpty();
    }

    /** The frontier's keys of one type, in frontier order. */
    List<String> frontierKeys(RecordType type) {
        List<String> keys = new ArrayList<>(frontier.size());
        for (RecordRef r : frontier) {
            if (r.type() == type) {
                keys.add(r.key());
            }
        }
        return keys;
    }

    int size() {
        return nodes.size();
    }

    /** Expands the frontier by one hop (one expansion per type it holds) and absorbs the edges. */
    Fresh absorbHop(Expander expander, TraceDirection direction) {
        var fresh = new Fresh(new TreeMap<>(ORDER));
        boolean lots = false;
        boolean batches = false;
        for (RecordRef r : frontier) {
            lots |= r.type() == RecordType.LOT;
            batches |= r.type() == RecordType.BATCH;
        }
        if (lots) {
            absorb(expander.expand(frontierKeys(RecordType.LOT), RecordType.LOT, direction), RecordType.LOT, fresh);
        }
        if (batches) {
            absorb(expander.expand(frontierKeys(RecordType.BATCH), RecordType.BATCH, direction), RecordType.BATCH,
                    fresh);
        }
        return fresh;
    }

    /** Links each edge to an already reached node; adds the edges' new targets to {@code fresh}. */
    private void absorb(List<Edge> edges, RecordType from, Fresh fresh) {
        for (Edge e : edges) {
            RecordRef target = new RecordRef(e.subLot() ? RecordType.LOT : other(from), e.to());
            if (index.containsKey(target)) {
                link(new RecordRef(from, e.from()), target);
            } else {
                fresh.sources().computeIfAbsent(target, k -> new ArrayList<>(1)).add(new RecordRef(from, e.from()));
            }
        }
    }

    /** Adds the first {@code room} new nodes ({@link #ORDER}) as the next hop and makes them the frontier. */
    void advance(Fresh fresh, int room, int hop) {
        List<RecordRef> next = new ArrayList<>(Math.min(room, fresh.sources().size()));
        for (var entry : fresh.sources().entrySet()) {
            if (next.size() == room) {
                break;
            }
            RecordRef target = entry.getKey();
            List<RecordRef> sources = entry.getValue();
            RecordRef parent = sources.size() == 1 ? sources.getFirst() : sources.stream().min(ORDER).orElseThrow();
            add(target, hop, index.get(parent));
            sources.forEach(s -> link(s, target));
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

    /** Along CONSUMED_IN/PRODUCED genealogy alternates: lots lead to batches and batches to lots. */
    private static RecordType other(RecordType type) {
        return type == RecordType.LOT ? RecordType.BATCH : RecordType.LOT;
    }
}
