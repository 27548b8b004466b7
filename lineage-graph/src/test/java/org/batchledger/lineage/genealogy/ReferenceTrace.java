package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.batchledger.synthplant.GenealogyEdge;

/**
 * An independent in-memory trace over a plant's generated edges (no Neo4j, no shared code with the traversal):
 * hop levels by plain BFS, the documented budget rule (all earlier hops, a key-ordered prefix of the hop that
 * overflows), and cycles by depth-first colouring.
 */
record ReferenceTrace(Map<String, Integer> hops, boolean complete, Truncation truncatedBy, boolean cycle) {

    static Map<String, List<String>> adjacency(List<GenealogyEdge> edges, TraceDirection direction) {
        Map<String, List<String>> adj = new HashMap<>();
        for (GenealogyEdge e : edges) {
            boolean down = direction == TraceDirection.DOWNSTREAM;
            adj.computeIfAbsent(down ? e.fromKey() : e.toKey(), k -> new ArrayList<>()).add(down ? e.toKey() : e.fromKey());
        }
        return adj;
    }

    static ReferenceTrace of(Map<String, List<String>> adj, String start, int maxHops, int maxNodes) {
        Map<String, Integer> hops = new LinkedHashMap<>();
        hops.put(start, 0);
        Set<String> level = Set.of(start);
        for (int hop = 1; !level.isEmpty(); hop++) {
            TreeSet<String> next = new TreeSet<>();
            level.forEach(n -> adj.getOrDefault(n, List.of()).stream().filter(m -> !hops.containsKey(m)).forEach(next::add));
            if (next.isEmpty()) {
                break;
            }
            if (hop > maxHops) {
                return new ReferenceTrace(hops, false, Truncation.HOP_LIMIT, cycle(adj, hops.keySet()));
            }
            int room = maxNodes - hops.size();
            List<String> kept = next.stream().limit(room).toList();
            int h = hop;
            kept.forEach(n -> hops.put(n, h));
            if (next.size() > room) {
                return new ReferenceTrace(hops, false, Truncation.NODE_BUDGET, cycle(adj, hops.keySet()));
            }
            level = new HashSet<>(kept);
        }
        return new ReferenceTrace(hops, true, null, cycle(adj, hops.keySet()));
    }

    /** A directed cycle within the reached nodes, by white/grey/black depth-first search. */
    private static boolean cycle(Map<String, List<String>> adj, Set<String> within) {
        Map<String, Integer> colour = new HashMap<>();
        for (String n : within) {
            if (!colour.containsKey(n) && grey(adj, within, colour, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grey(Map<String, List<String>> adj, Set<String> within, Map<String, Integer> colour, String n) {
        colour.put(n, 1);
        for (String m : adj.getOrDefault(n, List.of())) {
            if (!within.contains(m)) {
                continue;
            }
            Integer c = colour.get(m);
            if (c != null && c == 1 || c == null && grey(adj, within, colour, m)) {
                return true;
            }
        }
        colour.put(n, 2);
        return false;
    }
}
