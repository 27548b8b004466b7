package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.lineage.release.BatchFacts.SignatureFact;
import org.batchledger.lineage.release.BatchFacts.Upstream;
import org.batchledger.lineage.release.BatchFacts.Use;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.Value;

/**
 * Reads the facts of many batches at one tree size with one query per check class, whatever the number of batches:
 * batches (with outputs and consumptions), upstream statuses, test results, deviations, equipment, step records
 * with signatures, and the record trail (versions, their ledger entries and the latest checkpoint) — 7 queries —
 * plus one upstream trace per batch (one round trip each with the server-side trace procedure). Edges join
 * version 1 of each record; a record is shown in its version valid at the tree size.
 */
final class ReleaseFacts {
    private final GraphDatabase db;
    private final GenealogyTraversal traversal;
    private final TraceLimits limits;

    ReleaseFacts(GraphDatabase db, GenealogyTraversal traversal, TraceLimits limits) {
        this.db = db;
        this.traversal = traversal;
        this.limits = limits;
    }

    /** The facts of each batch that exists at {@code asOf}; unknown keys are absent. */
    Map<String, BatchFacts> load(Collection<String> keys, AsOf asOf) {
        FactQueries q = new FactQueries(asOf);
        Map<String, FactQueries.BatchRow> batches = db.read(tx -> q.batches(tx, keys));
        if (batches.isEmpty()) {
            return Map.of();
        }
        List<String> found = List.copyOf(batches.keySet());
        Map<String, TraceResult> traces = new HashMap<>();
        for (String key : found) {
            traces.put(key, traversal.trace(new RecordRef(RecordType.BATCH, key), TraceDirection.UPSTREAM, limits,
                    asOf).orElseThrow());
        }
        List<RecordRef> reached = traces.values().stream().flatMap(t -> t.nodes().stream()).map(TracedNode::ref)
                .distinct().toList();
        Map<RecordRef, Upstream> statuses = db.read(tx -> q.upstream(tx, reached));
        Map<String, List<RecordRef>> impactable = new HashMap<>();
        found.forEach(k -> {
            List<RecordRef> refs = new ArrayList<>(traces.get(k).nodes().stream().map(TracedNode::ref).toList());
            batches.get(k).outputs().forEach(l -> refs.add(RecordRef.of(l)));
            impactable.put(k, refs);
        });
        var tests = db.read(tx -> q.tests(tx, found));
        var deviations = db.read(tx -> q.deviations(tx, impactable));
        var equipment = db.read(tx -> q.equipment(tx, found));
        var signed = db.read(tx -> q.stepsAndSignatures(tx, found));
        var trail = db.read(tx -> q.trail(tx, found));
        Map<String, BatchFacts> facts = new LinkedHashMap<>();
        for (String k : found) {
            FactQueries.BatchRow b = batches.get(k);
            TraceResult trace = traces.get(k);
            Map<RecordRef, Upstream> up = new LinkedHashMap<>();
            trace.nodes().stream().skip(1).forEach(n -> {
                if (statuses.containsKey(n.ref())) {
                    up.put(n.ref(), statuses.get(n.ref()));
                }
            });
            FactQueries.Signed s = signed.getOrDefault(k, new FactQueries.Signed(List.of(), List.<SignatureFact>of()));
            facts.put(k, new BatchFacts(b.batch(), b.outputs(), b.consumptions(), trace, up,
                    tests.getOrDefault(k, List.of()), deviations.getOrDefault(k, List.of()),
                    equipment.getOrDefault(k, List.<Use>of()), s.steps(), s.signatures(),
                    trail.versions().getOrDefault(k, List.of()), trail.latestCheckpoint(), b.onHold()));
        }
        return facts;
    }

    /** A record from a map projection ({@code n {.*}}) of its node or relationship. */
    @SuppressWarnings("unchecked")
    static <T extends LedgerRecord> T record(Value props, RecordType type) {
        return (T) RecordProperties.toRecord(props.asMap(), type.javaType());
    }

    static Batch batch(Value props) {
        return record(props, RecordType.BATCH);
    }
}
