package org.batchledger.synthplant;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** An in-memory adjacency of genealogy edges: the independent reference the tests check the plant against. */
final class Genealogy {
    final Map<String, List<String>> downstream = new HashMap<>();
    private final Map<String, Integer> inDegree = new HashMap<>();

    Genealogy(Stream<GenealogyEdge> edges) {
        edges.forEach(e -> {
            downstream.computeIfAbsent(e.fromKey(), k -> new ArrayList<>()).add(e.toKey());
            downstream.computeIfAbsent(e.toKey(), k -> new ArrayList<>());
            inDegree.merge(e.toKey(), 1, Integer::sum);
        });
    }

    List<String> next(String key) {
        return downstream.getOrDefault(key, List.of());
    }

    /** Kahn's algorithm: the nodes left over (never reaching in-degree 0) lie on or behind a cycle. */
    Set<String> nodesOnOrBehindCycles() {
        Map<String, Integer> remaining = new HashMap<>(inDegree);
        ArrayDeque<String> ready = new ArrayDeque<>();
        downstream.keySet().stream().filter(k -> !remaining.containsKey(k)).forEach(ready::add);
        while (!ready.isEmpty()) {
            for (String child : next(ready.poll())) {
                if (remaining.merge(child, -1, Integer::sum) == 0) {
                    remaining.remove(child);
                    ready.add(child);
                }
            }
        }
        return remaining.keySet();
    }
}
