package org.batchledger.lineage.genealogy;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.RecordRef;

/**
 * How many distinct paths lead from a trace's start to each node, counted by dynamic programming in topological
 * order over the links (linear; paths are never listed) and capped at {@code cap}: reconverging genealogy has
 * exponentially many. A node on or behind a cycle has unboundedly many and gets the cap.
 */
final class PathCounts {
    private PathCounts() {
    }

    static Map<RecordRef, Long> of(TraceResult trace, long cap) {
        Map<RecordRef, Integer> inDegree = new HashMap<>();
        Map<RecordRef, List<RecordRef>> next = new HashMap<>();
        boolean down = trace.direction() == TraceDirection.DOWNSTREAM;
        trace.nodes().forEach(n -> inDegree.put(n.ref(), 0));
        for (TraceLink l : trace.links()) {
            RecordRef from = down ? l.from() : l.to();
            RecordRef to = down ? l.to() : l.from();
            inDegree.merge(to, 1, Integer::sum);
            next.computeIfAbsent(from, k -> new java.util.ArrayList<>()).add(to);
        }
        Map<RecordRef, Long> paths = new HashMap<>();
        trace.nodes().forEach(n -> paths.put(n.ref(), 0L));
        paths.put(trace.start(), 1L);
        var ready = new ArrayDeque<RecordRef>();
        inDegree.forEach((n, d) -> {
            if (d == 0) {
                ready.add(n);
            }
        });
        while (!ready.isEmpty()) {
            RecordRef n = ready.poll();
            long p = paths.get(n);
            for (RecordRef m : next.getOrDefault(n, List.of())) {
                paths.merge(m, p, (a, b) -> Math.min(cap, a + b));
                if (inDegree.merge(m, -1, Integer::sum) == 0) {
                    ready.add(m);
                }
            }
        }
        inDegree.forEach((n, d) -> paths.put(n, d > 0 ? cap : paths.get(n)));
        return paths;
    }
}
