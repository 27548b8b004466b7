package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The first question of an OOS investigation: which lots and equipment do these batches have in common? One
 * upstream trace per batch, then the equipment of every reached batch in one batched query, counted per source.
 */
public final class CommonUpstreamAnalysis {
    private static final String EQUIPMENT = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k, version: 1})-[u:USED]->(e:Equipment) WHERE""" + Visibility.current("u") + """
            RETURN k AS batch, e.key AS key""";

    private final GraphDatabase db;
    private final GenealogyTraversal traversal;

    public CommonUpstreamAnalysis(GraphDatabase db) {
        this.db = db;
        this.traversal = new GenealogyTraversal(db);
    }

    /**
     * @param minBatches keep sources shared by at least this many of the batches
     * @throws UnknownBatchException when a batch does not exist
     */
    public CommonUpstream of(List<String> batchKeys, TraceLimits limits, int minBatches) {
        Map<RecordRef, Set<String>> sharedBy = new HashMap<>();
        Map<RecordRef, Integer> nearest = new HashMap<>();
        boolean complete = true;
        for (String batch : new LinkedHashSet<>(batchKeys)) {
            TraceResult t = traversal.trace(new RecordRef(RecordType.BATCH, batch), TraceDirection.UPSTREAM, limits)
                    .orElseThrow(() -> new UnknownBatchException(batch));
            complete &= t.complete();
            Map<String, Integer> batchHops = new HashMap<>();
            for (TracedNode n : t.nodes()) {
                if (n.ref().type() == RecordType.LOT) {
                    count(sharedBy, nearest, n.ref(), batch, n.hop());
                } else {
                    batchHops.put(n.ref().key(), n.hop());
                }
            }
            equipment(batchHops.keySet()).forEach((b, eq) -> eq.forEach(e -> count(sharedBy, nearest,
                    new RecordRef(RecordType.EQUIPMENT, e), batch, batchHops.get(b) + 1)));
        }
        List<SharedUpstream> items = new ArrayList<>();
        sharedBy.forEach((ref, bs) -> {
            if (bs.size() >= minBatches) {
                items.add(new SharedUpstream(ref, bs.stream().sorted().toList(), nearest.get(ref)));
            }
        });
        items.sort(Comparator.comparing((SharedUpstream s) -> -s.batchKeys().size())
                .thenComparing(SharedUpstream::nearestHop).thenComparing(s -> s.ref().toString()));
        return new CommonUpstream(new LinkedHashSet<>(batchKeys).size(), items, complete);
    }

    private static void count(Map<RecordRef, Set<String>> sharedBy, Map<RecordRef, Integer> nearest, RecordRef ref,
                              String batch, int hop) {
        sharedBy.computeIfAbsent(ref, r -> new LinkedHashSet<>()).add(batch);
        nearest.merge(ref, hop, Math::min);
    }

    private Map<String, List<String>> equipment(Set<String> batches) {
        return db.read(tx -> {
            Map<String, List<String>> out = new HashMap<>();
            tx.run(EQUIPMENT, Map.of("keys", List.copyOf(batches))).forEachRemaining(r -> out.computeIfAbsent(
                    r.get("batch").asString(), k -> new ArrayList<>()).add(r.get("key").asString()));
            return out;
        });
    }

    /** A batch named in the question does not exist. */
    public static final class UnknownBatchException extends RuntimeException {
        private final String key;

        public UnknownBatchException(String key) {
            super("no batch with key " + key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
