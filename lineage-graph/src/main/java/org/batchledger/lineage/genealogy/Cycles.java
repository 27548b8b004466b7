package org.batchledger.lineage.genealogy;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.RecordRef;

/**
 * Whether the reached part of the genealogy has a directed cycle. A visited set alone cannot tell a cycle from a
 * diamond (both revisit a node), so this runs Kahn's topological sort over the links — linear in nodes and links:
 * nodes left unsorted lie on or behind a cycle.
 */
final class Cycles {
    private Cycles() {
    }

    static boolean exist(List<TracedNode> nodes, List<TraceLink> links) {
        Map<RecordRef, Integer> inDegree = new HashMap<>(nodes.size() * 2);
        Map<RecordRef, List<RecordRef>> out = new HashMap<>(nodes.size() * 2);
        nodes.forEach(n -> inDegree.put(n.ref(), 0));
        for (TraceLink l : links) {
            inDegree.merge(l.to(), 1, Integer::sum);
            out.computeIfAbsent(l.from(), k -> new java.util.ArrayList<>()).add(l.to());
        }
        var ready = new ArrayDeque<RecordRef>();
        inDegree.forEach((n, d) -> {
            if (d == 0) {
                ready.add(n);
            }
        });
        int sorted = 0;
        while (!ready.isEmpty()) {
            RecordRef n = ready.poll();
            sorted++;
            for (RecordRef m : out.getOrDefault(n, List.of())) {
                if (inDegree.merge(m, -1, Integer::sum) == 0) {
                    ready.add(m);
                }
            }
        }
        return sorted < inDegree.size();
    }
}
