package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.write.References.Ref;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Links test results that name only a sample ({@link References#sampleLink}): a result written now, and every
 * result that waits for a Lot or Batch written now, gets its {@code ON} edge recomputed from its anchor's content
 * and which candidates exist. Its candidates not recorded yet wait as {@code PendingReference}s under the field
 * {@code sampleId}, so the write that creates one finds the result. Only what follows from the ledger decides the
 * edge, so verification derives the same one.
 */
final class SampleLinks {
    private static final String ANY = "MATCH (p:PendingReference) RETURN count(p) AS n";
    private static final String WAITING = """
            UNWIND $targets AS t MATCH (p:PendingReference {target: t, field: $field}) WHERE NOT $staged OR"""
            + PendingReferences.STAGED_ROW + """
            RETURN DISTINCT p.fromKey AS k""";
    private static final String RESULTS = """
            UNWIND $keys AS k MATCH (t:TestResult {key: k, version: 1}) RETURN k, properties(t) AS p""";
    private static final String ANCHORS = "UNWIND $keys AS k MATCH (m:%s {key: k, version: 1}) RETURN k";
    // a result with no subject has no ON edge but its sample link, so this removes only that
    private static final String UNLINK = """
            UNWIND $keys AS k MATCH (:TestResult {key: k, version: 1})-[e:ON]->() DELETE e""";
    private static final String LINK = """
            UNWIND $rows AS row MATCH (a:TestResult {key: row.from, version: 1}) MATCH (b:%s {key: row.to, version: 1})
            CREATE (a)-[e:ON]->(b) RETURN count(e) AS n""";
    private static final String DONE = """
            UNWIND $rows AS row MATCH (p:PendingReference {fromKey: row.from, field: $field, target: row.target})
            DELETE p""";

    private SampleLinks() {
    }

    /** Call after the write's nodes exist, in its transaction. */
    static void link(Tx tx, List<PreparedRecord> records) {
        link(tx, records, false);
    }

    /** As {@link #link(Tx, List)}; {@code staged}: only staged results are (re)linked, published ones at the publish. */
    static void link(Tx tx, List<PreparedRecord> records, boolean staged) {
        Set<String> results = new LinkedHashSet<>();
        List<PendingReference> watch = new ArrayList<>();
        List<String> arrived = new ArrayList<>();
        for (PreparedRecord r : records) {
            for (Ref candidate : References.sampleCandidates(r.type(), r.properties())) {
                results.add(r.key());
                watch.add(new PendingReference(r.ref(), References.SAMPLE_ID, candidate.target(), r.locator()));
            }
            if (r.type() == RecordType.LOT || r.type() == RecordType.BATCH) {
                arrived.add(r.ref().toString());
            }
        }
        PendingReferences.keep(tx, watch, staged);
        // the count comes from the store's counts, so a write of lots and batches with nothing waiting costs no lookup
        results.addAll(waiting(tx, arrived, staged));
        if (!results.isEmpty()) {
            relink(tx, List.copyOf(results));
        }
    }

    /** Relinks the published results that waited for any of the {@code arrived} Lots and Batches ({@code Label:key}). */
    static void arrived(Tx tx, List<String> arrived) {
        Set<String> results = waiting(tx, arrived, false);
        if (!results.isEmpty()) {
            relink(tx, List.copyOf(results));
        }
    }

    private static Set<String> waiting(Tx tx, List<String> arrived, boolean staged) {
        Set<String> results = new LinkedHashSet<>();
        if (!arrived.isEmpty() && tx.run(ANY, Map.of()).single().get("n").asLong() > 0) {
            tx.run(WAITING, Map.of("targets", arrived, "field", References.SAMPLE_ID, "staged", staged))
                    .forEachRemaining(r -> results.add(r.get("k").asString()));
        }
        return results;
    }

    /**
     * Links results recorded before this rule (no watch rows, no edge) as a write would have: keeps their candidates
     * as watch rows, then recomputes their edges. Harmless for any other sample-only result.
     */
    static void linkRecorded(Tx tx, List<String> keys) {
        List<PendingReference> watch = new ArrayList<>();
        tx.run(RESULTS, Map.of("keys", keys)).forEachRemaining(r -> {
            Map<String, Object> p = r.get("p").asMap();
            RecordRef from = new RecordRef(RecordType.TEST_RESULT, r.get("k").asString());
            String locator = p.get("locator") instanceof String l ? l : null;
            References.sampleCandidates(RecordType.TEST_RESULT, p).forEach(c -> watch.add(
                    new PendingReference(from, References.SAMPLE_ID, c.target(), locator)));
        });
        PendingReferences.keep(tx, watch);
        relink(tx, keys);
    }

    private static void relink(Tx tx, List<String> keys) {
        Map<String, List<Ref>> candidates = new HashMap<>();
        Map<String, Map<String, Object>> props = new HashMap<>();
        Map<RecordType, Set<String>> ask = new HashMap<>();
        tx.run(RESULTS, Map.of("keys", keys)).forEachRemaining(r -> {
            Map<String, Object> p = r.get("p").asMap();
            List<Ref> refs = References.sampleCandidates(RecordType.TEST_RESULT, p);
            props.put(r.get("k").asString(), p);
            candidates.put(r.get("k").asString(), refs);
            refs.forEach(ref -> ask.computeIfAbsent(ref.target().type(), t -> new HashSet<>()).add(ref.target().key()));
        });
        Set<RecordRef> recorded = new HashSet<>();
        ask.forEach((type, k) -> tx.run(ANCHORS.formatted(type.graphName()), Map.of("keys", List.copyOf(k)))
                .forEachRemaining(r -> recorded.add(new RecordRef(type, r.get("k").asString()))));
        tx.run(UNLINK, Map.of("keys", keys)).consume();
        Map<RecordType, List<Map<String, Object>>> links = new HashMap<>();
        List<Map<String, Object>> done = new ArrayList<>();
        candidates.forEach((key, refs) -> {
            References.sampleLink(RecordType.TEST_RESULT, props.get(key), recorded::contains).ifPresent(ref -> links
                    .computeIfAbsent(ref.target().type(), t -> new ArrayList<>())
                    .add(Map.of("from", key, "to", ref.target().key())));
            refs.stream().filter(ref -> recorded.contains(ref.target()))
                    .forEach(ref -> done.add(Map.of("from", key, "target", ref.target().toString())));
        });
        links.forEach((type, rows) -> {
            long n = tx.run(LINK.formatted(type.graphName()), Map.of("rows", rows)).single().get("n").asLong();
            if (n != rows.size()) {
                throw new IllegalStateException("linked " + n + " of " + rows.size()
                        + " sample results; the transaction is rolled back");
            }
        });
        if (!done.isEmpty()) {
            tx.run(DONE, Map.of("rows", done, "field", References.SAMPLE_ID)).consume();
        }
    }
}
