package org.batchledger.lineage.genealogy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Recall impact of a lot: a downstream trace at the widest limits, then the reached finished-product lots and the
 * batches that produced them (one batched query per type) with their current status, ordered by hop and ID. A
 * batch counts by what it produced, not by its product: every stage of an order "makes" the finished product.
 */
public final class RecallImpactAnalysis {
    public static final long PATH_CAP = 10_000;
    public static final TraceLimits LIMITS = new TraceLimits(TraceLimits.MAX_HOPS, TraceLimits.MAX_NODES,
            Duration.ofSeconds(30));

    private static final String FINISHED_LOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k, version: 1})-[:OF]->(:Material {kind: $kind})
            MATCH (v:Lot {key: k}) WHERE""" + Visibility.current("v") + """
            RETURN k AS key, v.status AS status""";
    private static final String FINISHED_BATCHES = """
            UNWIND $keys AS k
            MATCH (b:Batch {key: k, version: 1})
            WHERE EXISTS { (b)-[:PRODUCED]->(:Lot)-[:OF]->(:Material {kind: $kind}) }
            MATCH (v:Batch {key: k}) WHERE""" + Visibility.current("v") + """
            RETURN k AS key, v.status AS status""";

    private final GraphDatabase db;
    private final GenealogyTraversal traversal;

    public RecallImpactAnalysis(GraphDatabase db) {
        this.db = db;
        this.traversal = new GenealogyTraversal(db);
    }

    /** Empty when the lot does not exist. */
    public Optional<RecallImpact> of(String lotKey) {
        return traversal.trace(new RecordRef(RecordType.LOT, lotKey), TraceDirection.DOWNSTREAM, LIMITS)
                .map(this::impact);
    }

    private RecallImpact impact(TraceResult trace) {
        Map<RecordRef, Long> paths = PathCounts.of(trace, PATH_CAP);
        Map<RecordRef, String> finished = finished(trace);
        List<ImpactedItem> items = new ArrayList<>();
        for (TracedNode n : trace.nodes()) {
            String status = finished.get(n.ref());
            if (status != null && n.hop() > 0) {
                long p = paths.get(n.ref());
                RecallStatus rs = n.ref().type() == RecordType.LOT ? RecallStatus.ofLot(status) : RecallStatus.ofBatch(status);
                items.add(new ImpactedItem(n.ref(), n.hop(), status, rs, p, p >= PATH_CAP));
            }
        }
        items.sort(Comparator.comparing(ImpactedItem::hop).thenComparing(i -> i.ref().toString()));
        return new RecallImpact(trace, items, PATH_CAP);
    }

    private Map<RecordRef, String> finished(TraceResult trace) {
        Map<RecordType, List<String>> byType = new HashMap<>();
        trace.nodes().forEach(n -> byType.computeIfAbsent(n.ref().type(), t -> new ArrayList<>()).add(n.ref().key()));
        return db.read(tx -> {
            Map<RecordRef, String> out = new HashMap<>();
            for (var e : byType.entrySet()) {
                String cypher = e.getKey() == RecordType.LOT ? FINISHED_LOTS : FINISHED_BATCHES;
                tx.run(cypher, Map.of("keys", e.getValue(), "kind", "FINISHED_PRODUCT")).forEachRemaining(r -> out.put(
                        new RecordRef(e.getKey(), r.get("key").asString()), r.get("status").asString()));
            }
            return out;
        });
    }
}
