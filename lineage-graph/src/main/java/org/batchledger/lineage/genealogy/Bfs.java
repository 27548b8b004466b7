package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>
 * Inside, nodes are list indexes and links pairs of them, so the bookkeeping per edge is a hash lookup and a
 * primitive append; keys are compared only to order each hop's new nodes once and to rank the reached nodes once
 * for the links' order. (String keys per edge, ordered maps and link sort-key strings cost more than the store
 * reads they book.)
 */
public final class Bfs {
    private final TraceDirection direction;
    private final List<TracedNode> nodes = new ArrayList<>();
    /** Node index by key, per type. */
    private final Map<RecordType, Map<String, Integer>> index = new EnumMap<>(RecordType.class);
    /** Links as (frontier node, target) index pairs as met, duplicates included; oriented and sorted in the result. */
    private long[] links = new long[64];
    private int linkCount;
    private int frontierFrom;
    private int frontierTo;

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
        return walkIndexed(start, direction, limits, deadlineNanos, expander).result();
    }

    /** A trace with its links also as (from, to) indexes into its nodes, flattened, in the links' order. */
    public record Indexed(TraceResult result, int[] links) {
    }

    /** {@link #walk}, with the links' node indexes (for answers that carry links as index pairs). */
    public static Indexed walkIndexed(RecordRef start, TraceDirection direction, TraceLimits limits,
                                      long deadlineNanos, Expander expander) {
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
            cut = fresh.size() > room ? Truncation.NODE_BUDGET : null;
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
        frontierFrom = 0;
        frontierTo = 1;
    }

    /**
     * Nodes first reached through one hop, in the order met: each with the smallest frontier index leading to it
     * (its parent: a hop's nodes are indexed in {@link #ORDER}, so that is the smallest source by ORDER), and every
     * (fresh node, frontier node) pair met, to link once the fresh nodes have indexes.
     */
    private static final class Fresh {
        final List<RecordRef> refs = new ArrayList<>();
        final Map<RecordType, Map<String, Integer>> slots = new EnumMap<>(RecordType.class);
        int[] parent = new int[16];
        long[] pending = new long[16];
        int pendingCount;

        boolean isEmpty() {
            return refs.isEmpty();
        }

        int size() {
            return refs.size();
        }

        void add(RecordType type, String key, int source) {
            Map<String, Integer> byKey = slots.computeIfAbsent(type, t -> new HashMap<>());
            Integer slot = byKey.get(key);
            if (slot == null) {
                slot = refs.size();
                byKey.put(key, slot);
                refs.add(new RecordRef(type, key));
                if (slot == parent.length) {
                    parent = Arrays.copyOf(parent, slot * 2);
                }
                parent[slot] = source;
            } else if (source < parent[slot]) {
                parent[slot] = source;
            }
            pending = append(pending, pendingCount++, pair(slot, source));
        }
    }

    boolean frontierEmpty() {
        return frontierFrom == frontierTo;
    }

    /** The frontier's keys of one type, in frontier order. */
    private List<String> frontierKeys(RecordType type) {
        List<String> keys = new ArrayList<>(frontierTo - frontierFrom);
        for (int i = frontierFrom; i < frontierTo; i++) {
            RecordRef r = nodes.get(i).ref();
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
    private Fresh absorbHop(Expander expander, TraceDirection direction) {
        var fresh = new Fresh();
        boolean lots = false;
        boolean batches = false;
        for (int i = frontierFrom; i < frontierTo; i++) {
            RecordType type = nodes.get(i).ref().type();
            lots |= type == RecordType.LOT;
            batches |= type == RecordType.BATCH;
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
        Map<String, Integer> sources = indexOf(from);
        for (Edge e : edges) {
            int source = sources.get(e.from());
            RecordType targetType = e.subLot() ? RecordType.LOT : other(from);
            Integer target = indexOf(targetType).get(e.to());
            if (target != null) {
                link(source, target);
            } else {
                fresh.add(targetType, e.to(), source);
            }
        }
    }

    /** Adds the first {@code room} new nodes ({@link #ORDER}) as the next hop and makes them the frontier. */
    private void advance(Fresh fresh, int room, int hop) {
        Integer[] order = new Integer[fresh.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> ORDER.compare(fresh.refs.get(a), fresh.refs.get(b)));
        int kept = Math.min(room, order.length);
        int[] indexOfSlot = new int[order.length];
        Arrays.fill(indexOfSlot, -1);
        frontierFrom = nodes.size();
        for (int i = 0; i < kept; i++) {
            int slot = order[i];
            indexOfSlot[slot] = nodes.size();
            add(fresh.refs.get(slot), hop, fresh.parent[slot]);
        }
        frontierTo = nodes.size();
        for (int i = 0; i < fresh.pendingCount; i++) {
            int target = indexOfSlot[(int) (fresh.pending[i] >>> 32)];
            if (target >= 0) {
                link((int) fresh.pending[i], target);
            }
        }
    }

    private Indexed result(RecordRef start, TraceLimits limits, Truncation cut) {
        int[] orderedLinks = linkOrder();
        List<TraceLink> all = new ArrayList<>(orderedLinks.length / 2);
        for (int i = 0; i < orderedLinks.length; i += 2) {
            all.add(new TraceLink(nodes.get(orderedLinks[i]).ref(), nodes.get(orderedLinks[i + 1]).ref()));
        }
        return new Indexed(new TraceResult(start, direction, limits, nodes, all, cut,
                Cycles.exist(nodes.size(), orderedLinks)), orderedLinks);
    }

    /**
     * The distinct links, pointing downstream, in the order of their {@link TraceLink#sortKey()} ({@code from>to}
     * text) as (from, to) index pairs. Ranking the nodes once by their ID followed by {@code >} (for the from side)
     * and by their ID (for the to side) gives that order without building a string per link — unless an ID holds
     * {@code >} itself, when the sort keys are compared as text.
     */
    private int[] linkOrder() {
        long[] oriented = new long[linkCount];
        boolean down = direction == TraceDirection.DOWNSTREAM;
        for (int i = 0; i < linkCount; i++) {
            int frontierNode = (int) (links[i] >>> 32);
            int target = (int) links[i];
            oriented[i] = down ? pair(frontierNode, target) : pair(target, frontierNode);
        }
        boolean plain = true;
        for (TracedNode node : nodes) {
            plain &= node.ref().key().indexOf('>') < 0;
        }
        long[] sorted;
        if (plain) {
            int[] fromRank = rank(FROM_ORDER);
            int[] toRank = rank(ORDER);
            int[] nodeOfFromRank = inverse(fromRank);
            int[] nodeOfToRank = inverse(toRank);
            long[] ranked = new long[oriented.length];
            for (int i = 0; i < oriented.length; i++) {
                ranked[i] = pair(fromRank[(int) (oriented[i] >>> 32)], toRank[(int) oriented[i]]);
            }
            Arrays.sort(ranked);
            sorted = new long[ranked.length];
            for (int i = 0; i < ranked.length; i++) {
                sorted[i] = pair(nodeOfFromRank[(int) (ranked[i] >>> 32)], nodeOfToRank[(int) ranked[i]]);
            }
        } else {
            var byKey = new TreeMap<String, Long>();
            for (long l : oriented) {
                byKey.put(nodes.get((int) (l >>> 32)).ref() + ">" + nodes.get((int) l).ref(), l);
            }
            sorted = byKey.values().stream().mapToLong(Long::longValue).toArray();
        }
        int[] pairs = new int[sorted.length * 2];
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                pairs[n++] = (int) (sorted[i] >>> 32);
                pairs[n++] = (int) sorted[i];
            }
        }
        return Arrays.copyOf(pairs, n);
    }

    /**
     * The order of IDs followed by {@code >} as text: types as in {@link #ORDER} (their names differ before the
     * colon), then keys as if each ended in {@code >} — for keys without {@code >}, where a key that is a prefix of
     * another sorts after it if the other continues with a character below {@code >} (a digit, say).
     */
    static final Comparator<RecordRef> FROM_ORDER = Comparator.comparing((RecordRef r) -> r.type().graphName())
            .thenComparing(RecordRef::key, Bfs::compareAsIfEndingInGt);

    private static int compareAsIfEndingInGt(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return Character.compare(a.charAt(i), b.charAt(i));
            }
        }
        char nextOfA = a.length() > common ? a.charAt(common) : '>';
        char nextOfB = b.length() > common ? b.charAt(common) : '>';
        return Character.compare(nextOfA, nextOfB);
    }

    /** Each node's position when the nodes are ordered by {@code order}. */
    private int[] rank(Comparator<RecordRef> order) {
        Integer[] byOrder = new Integer[nodes.size()];
        Arrays.setAll(byOrder, i -> i);
        // within a hop the nodes are already in ORDER, so the sort merges runs
        Arrays.sort(byOrder, (x, y) -> order.compare(nodes.get(x).ref(), nodes.get(y).ref()));
        int[] rank = new int[byOrder.length];
        for (int r = 0; r < byOrder.length; r++) {
            rank[byOrder[r]] = r;
        }
        return rank;
    }

    private static int[] inverse(int[] permutation) {
        int[] inverse = new int[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    private void add(RecordRef ref, int hop, int parent) {
        indexOf(ref.type()).put(ref.key(), nodes.size());
        nodes.add(new TracedNode(ref, hop, parent));
    }

    private Map<String, Integer> indexOf(RecordType type) {
        return index.computeIfAbsent(type, t -> new HashMap<>());
    }

    /** A link as met: from a frontier node to the node its edge reaches (oriented downstream in the result). */
    private void link(int frontierNode, int target) {
        links = append(links, linkCount++, pair(frontierNode, target));
    }

    /** {@code values} with {@code value} at {@code size}, grown if full. */
    private static long[] append(long[] values, int size, long value) {
        long[] room = size == values.length ? Arrays.copyOf(values, size * 2) : values;
        room[size] = value;
        return room;
    }

    private static long pair(int high, int low) {
        return (long) high << 32 | (low & 0xffffffffL);
    }

    /** Along CONSUMED_IN/PRODUCED genealogy alternates: lots lead to batches and batches to lots. */
    private static RecordType other(RecordType type) {
        return type == RecordType.LOT ? RecordType.BATCH : RecordType.LOT;
    }
}
