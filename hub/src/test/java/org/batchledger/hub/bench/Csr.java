package org.batchledger.hub.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.synthplant.GenealogyEdge;

/**
 * Genealogy as compressed sparse rows: node ids 0..n-1, {@code offsets[v]..offsets[v+1]} index the targets of v.
 * A BFS over it is the lower bound a database trace can be compared with: no I/O, no objects per edge.
 */
final class Csr {
    final Map<String, Integer> ids = new HashMap<>();
    final String[] keys;
    final int[] offsets;
    final int[] targets;
    private final int[] seen;
    private final int[] queue;
    private int stamp;

    Csr(List<GenealogyEdge> edges) {
        edges.forEach(e -> {
            ids.putIfAbsent(e.fromKey(), ids.size());
            ids.putIfAbsent(e.toKey(), ids.size());
        });
        int n = ids.size();
        keys = new String[n];
        ids.forEach((k, v) -> keys[v] = k);
        offsets = new int[n + 1];
        targets = new int[edges.size()];
        edges.forEach(e -> offsets[ids.get(e.fromKey()) + 1]++);
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = offsets.clone();
        edges.forEach(e -> targets[fill[ids.get(e.fromKey())]++] = ids.get(e.toKey()));
        seen = new int[n];
        queue = new int[n];
    }

    private Csr(Csr forward) {
        int n = forward.nodes();
        ids.putAll(forward.ids);
        keys = forward.keys;
        offsets = new int[n + 1];
        targets = new int[forward.targets.length];
        for (int t : forward.targets) {
            offsets[t + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = offsets.clone();
        for (int v = 0; v < n; v++) {
            for (int i = forward.offsets[v]; i < forward.offsets[v + 1]; i++) {
                targets[fill[forward.targets[i]]++] = v;
            }
        }
        seen = new int[n];
        queue = new int[n];
    }

    /** The same nodes (same ids) with every edge turned round: upstream traces. */
    Csr reversed() {
        return new Csr(this);
    }

    int nodes() {
        return keys.length;
    }

    int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Nodes reachable from {@code start} (itself included) within {@code maxHops}. */
    int reach(int start, int maxHops) {
        stamp++;
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = stamp;
        for (int hop = 0; hop < maxHops && head < tail; hop++) {
            int levelEnd = tail;
            while (head < levelEnd) {
                int v = queue[head++];
                for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                    int w = targets[i];
                    if (seen[w] != stamp) {
                        seen[w] = stamp;
                        queue[tail++] = w;
                    }
                }
            }
        }
        return tail;
    }
}
