package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.Value;

/**
 * Reads the facts of many batches at one tree size with one query per check class, whatever the number of batches:
 * batches (with outputs and consumptions), upstream statuses, test results, deviations, equipment, step records
 * with signatures, and the record trail (versions, their ledger entries and the latest checkpoint) — 7 queries in
 * three read transactions — plus one upstream trace per batch (one round trip each with the server-side trace
 * procedure). Edges join version 1 of each record; a record is shown in its version valid at the tree size.
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

    /**
     * The facts of each batch that exists at {@code asOf}; unknown keys are absent. Three reads side by side: the
     * ledger trail (the largest), the upstream traces, and the caller's two transactions — what needs only the batch
     * keys, then what needs the traces (upstream statuses, deviations).
     */
    Map<String, BatchFacts> load(Collection<String> keys, AsOf asOf) {
        FactQueries q = new FactQueries(asOf);
        List<String> asked = List.copyOf(keys);
        CompletableFuture<FactQueries.Trail> trailRead = Beside.start(() -> db.read(tx -> q.trail(tx, asked)));
        CompletableFuture<Map<String, TraceResult>> traceRead = Beside.start(() -> traces(asked, asOf));
        PerBatch per = db.read(tx -> {
            Map<String, FactQueries.BatchRow> rows = q.batches(tx, asked);
            List<String> known = List.copyOf(rows.keySet());
            return rows.isEmpty() ? null : new PerBatch(rows, q.tests(tx, known), q.equipment(tx, known),
                    q.stepsAndSignatures(tx, known));
        });
        if (per == null) {
            return Map.of();
        }
        Map<String, FactQueries.BatchRow> batches = per.batches();
        List<String> found = List.copyOf(batches.keySet());
        Map<String, TraceResult> traces = new HashMap<>(Beside.joined(traceRead));
        // at the current head a batch can be recorded between the two reads: it is traced now
        found.stream().filter(k -> !traces.containsKey(k)).forEach(k -> traces.putAll(traces(List.of(k), asOf)));
        Map<String, List<RecordRef>> impactable = new HashMap<>();
        found.forEach(k -> {
            List<RecordRef> refs = new ArrayList<>(traces.get(k).nodes().stream().map(TracedNode::ref).toList());
            batches.get(k).outputs().forEach(l -> refs.add(RecordRef.of(l)));
            impactable.put(k, refs);
        });
        List<RecordRef> reached = found.stream().flatMap(k -> traces.get(k).nodes().stream()).map(TracedNode::ref)
                .distinct().toList();
        Upstreams ups = db.read(tx -> new Upstreams(q.upstream(tx, reached), q.deviations(tx, impactable)));
        Map<RecordRef, Upstream> statuses = ups.statuses();
        var tests = per.tests();
        var deviations = ups.deviations();
        var equipment = per.equipment();
        var signed = per.signed();
        var trail = Beside.joined(trailRead);
        if (!trail.versions().keySet().containsAll(found)) { // recorded between the reads, at the current head
            trail = db.read(tx -> q.trail(tx, found));
        }
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

    /** The upstream trace of each batch that exists at {@code asOf} (the batches are pinned to it too). */
    private Map<String, TraceResult> traces(List<String> keys, AsOf asOf) {
        Map<String, TraceResult> traces = new HashMap<>();
        for (String key : keys) {
            traversal.trace(new RecordRef(RecordType.BATCH, key), TraceDirection.UPSTREAM, limits, asOf)
                    .ifPresent(t -> traces.put(key, t));
        }
        return traces;
    }

    private record PerBatch(Map<String, FactQueries.BatchRow> batches, Map<String, List<TestResult>> tests,
                            Map<String, List<Use>> equipment, Map<String, FactQueries.Signed> signed) {
    }

    private record Upstreams(Map<RecordRef, Upstream> statuses, Map<String, List<Deviation>> deviations) {
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
