package org.batchledger.hub.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.batchledger.lineage.genealogy.TraceDirection;

/**
 * Start lots chosen by reach, per direction, from a fixed-seed sample of the plant's lots: the median and the p99
 * reach, the lot with the largest reach (the supernode), the sampled lot nearest each decade 10 … 100,000, and the
 * synthetic fan (one lot consumed by thousands of batches) where it exists.
 */
final class Starts {
    record Start(TraceDirection direction, String label, String key, int reach) {
    }

    private Starts() {
    }

    static List<Start> of(Csr down, Csr up, String fanKey, String fanEndKey) {
        List<Start> all = new ArrayList<>();
        all.addAll(pick(TraceDirection.DOWNSTREAM, down, fanKey));
        all.addAll(pick(TraceDirection.UPSTREAM, up, fanEndKey));
        return all;
    }

    private static List<Start> pick(TraceDirection direction, Csr csr, String fan) {
        List<Integer> lots = new ArrayList<>();
        for (int v = 0; v < csr.nodes(); v++) {
            if (csr.keys[v].contains(":LOT-")) {
                lots.add(v);
            }
        }
        Random random = new Random(1);
        List<int[]> sample = new ArrayList<>();
        for (int i = 0; i < Math.min(2_001, lots.size() * 4); i++) {
            int v = lots.get(random.nextInt(lots.size()));
            sample.add(new int[] {v, csr.reach(v, TraceLanes.HOPS)});
        }
        sample.sort(Comparator.<int[]>comparingInt(x -> x[1]).thenComparing(x -> csr.keys[x[0]]));
        Map<String, Start> picked = new LinkedHashMap<>();
        add(picked, direction, "median reach", csr, sample.get(sample.size() / 2));
        add(picked, direction, "p99 reach", csr, sample.get(sample.size() * 99 / 100));
        // the supernode: most nodes within two hops (downstream: a lot's consumers and their outputs; upstream: the
        // producing batch and all its inputs)
        int hub = lots.stream().max(Comparator.comparingInt(v -> csr.reach(v, 2))).orElseThrow();
        add(picked, direction, "supernode (" + (csr.reach(hub, 2) - 1) + " nodes within 2 hops)", csr,
                new int[] {hub, csr.reach(hub, TraceLanes.HOPS)});
        for (int decade = 10; decade <= 100_000; decade *= 10) {
            int target = decade;
            int[] nearest = sample.stream().min(Comparator.comparingDouble(x -> Math.abs(Math.log((double) x[1] / target))))
                    .orElseThrow();
            // a decade counts only where the sample has a lot within a factor of 2 of it
            if (nearest[1] >= decade / 2 && nearest[1] <= decade * 2) {
                add(picked, direction, "reach ≈ " + "%,d".formatted(decade), csr, nearest);
            }
        }
        if (fan != null && csr.ids.containsKey(fan)) {
            int v = csr.ids.get(fan);
            add(picked, direction, "synthetic fan", csr, new int[] {v, csr.reach(v, TraceLanes.HOPS)});
        }
        return picked.values().stream().sorted(Comparator.comparingInt(Start::reach)).toList();
    }

    private static void add(Map<String, Start> picked, TraceDirection direction, String label, Csr csr, int[] v) {
        picked.putIfAbsent(csr.keys[v[0]], new Start(direction, label, csr.keys[v[0]], v[1]));
    }
}
