package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.CanonicalEntryDecoder;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.release.BatchFacts.SignatureFact;
import org.batchledger.lineage.release.BatchFacts.Upstream;
import org.batchledger.lineage.release.BatchFacts.Use;
import org.batchledger.lineage.release.BatchFacts.Version;
import org.batchledger.lineage.release.alcoa.StoredContentHashes;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.neo4j.driver.Value;

/**
 * The Cypher of {@link ReleaseFacts}, one query per check class, each over all batches at once ({@code UNWIND}).
 * {@code REC(x)}: the element was recorded by the tree size (and is not a staged one of a file not yet published);
 * {@code VALID(x)}: the version valid at it.
 */
final class FactQueries {
    private static final String BATCHES = """
            UNWIND $keys AS k
            MATCH (b0:Batch {key: k, version: 1}) WHERE REC(b0)
            MATCH (b:Batch {key: k}) WHERE VALID(b)
            RETURN k, b {.*} AS b,
              COLLECT { MATCH (b0)-[p:PRODUCED]->(l0:Lot) WHERE REC(p)
                        MATCH (l:Lot {key: l0.key}) WHERE VALID(l) RETURN l {.*} } AS outputs,
              COLLECT { MATCH (:Lot)-[c:CONSUMED_IN]->(b0) WHERE REC(c) RETURN c {.*} } AS consumptions,
              EXISTS { MATCH (d:Disposition {batchKey: k, decision: 'ON_HOLD'}) WHERE REC(d)
                       AND NOT EXISTS { MATCH (w:SignatureWithdrawal {signatureKey: d.signatureKey}) WHERE REC(w) }
              } AS onHold""";
    private static final String UPSTREAM = """
            UNWIND $lots AS k
            MATCH (n:Lot {key: k}) WHERE VALID(n)
            OPTIONAL MATCH (m:Material {key: n.materialKey}) WHERE VALID(m)
            RETURN 'Lot' AS label, n.key AS key, n.status AS status, m.name AS material, n.expiresAt AS expiresAt
            UNION ALL
            UNWIND $batches AS k
            MATCH (n:Batch {key: k}) WHERE VALID(n)
            OPTIONAL MATCH (m:Material {key: n.productKey}) WHERE VALID(m)
            RETURN 'Batch' AS label, n.key AS key, n.status AS status, m.name AS material, null AS expiresAt""";
    private static final String TESTS = """
            UNWIND $keys AS k
            MATCH (b0:Batch {key: k, version: 1})
            CALL (b0) {
              MATCH (b0)<-[:ON]-(t0:TestResult) RETURN t0
              UNION
              MATCH (b0)-[p:PRODUCED]->(:Lot)<-[:ON]-(t0:TestResult) WHERE REC(p) RETURN t0
            }
            WITH k, t0 WHERE REC(t0)
            MATCH (t:TestResult {key: t0.key}) WHERE VALID(t)
            RETURN k, collect(t {.*}) AS tests""";
    // One row per distinct lot or batch of all batches' traces (they share their raw materials), mapped back in Java.
    private static final String DEVIATIONS = """
            UNWIND $refs AS row
            CALL (row) {
              MATCH (n:Lot {key: row.key, version: 1}) WHERE row.label = 'Lot' RETURN n
              UNION
              MATCH (n:Batch {key: row.key, version: 1}) WHERE row.label = 'Batch' RETURN n
            }
            MATCH (n)<-[:IMPACTS]-(d0:Deviation) WHERE REC(d0)
            MATCH (d:Deviation {key: d0.key}) WHERE VALID(d)
            RETURN row.label AS label, row.key AS key, collect(d {.*}) AS deviations""";
    // Only the last cleaning and calibration before each use matter; instants are stored as fixed-width UTC text,
    // so text order is time order and the choice is made in the database, not by shipping every cleaning.
    private static final String EQUIPMENT = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k, version: 1})-[u:USED]->(e0:Equipment) WHERE REC(u)
            OPTIONAL MATCH (e:Equipment {key: e0.key}) WHERE VALID(e)
            RETURN k, u {.*} AS use, e {.*} AS equipment,
              COLLECT { MATCH (e0)<-[:ON]-(c0:Cleaning) WHERE REC(c0)
                        MATCH (c:Cleaning {key: c0.key}) WHERE VALID(c) AND c.performedAt <= u.from
                        RETURN c {.*} ORDER BY c.performedAt DESC LIMIT 1 } AS cleanings,
              COLLECT { MATCH (e0)<-[:ON]-(c0:Calibration) WHERE REC(c0)
                        MATCH (c:Calibration {key: c0.key}) WHERE VALID(c) AND c.performedAt <= u.from
                        RETURN c {.*} ORDER BY c.performedAt DESC LIMIT 1 } AS calibrations""";
    private static final String SIGNED = """
            UNWIND $keys AS k
            MATCH (b0:Batch {key: k, version: 1})
            RETURN k,
              COLLECT { MATCH (b0)<-[:IN]-(s0:StepRecord) WHERE REC(s0)
                        MATCH (s:StepRecord {key: s0.key}) WHERE VALID(s) RETURN s {.*} } AS steps,
              COLLECT { MATCH (b0)<-[:SIGNS]-(g:Signature) WHERE REC(g)
                        RETURN {sig: g {.*}, seq: g.ledgerSeq,
                                withdrawn: EXISTS { (g)<-[:WITHDRAWS]-(w:SignatureWithdrawal) WHERE REC(w) },
                                current: COLLECT { MATCH (v:Batch {key: k}) WHERE VALID(v) RETURN v.contentHash }[0]}
                      } AS batchSignatures,
              COLLECT { MATCH (b0)<-[:IN]-(s0:StepRecord)<-[:SIGNS]-(g:Signature) WHERE REC(g)
                        RETURN {sig: g {.*}, seq: g.ledgerSeq,
                                withdrawn: EXISTS { (g)<-[:WITHDRAWS]-(w:SignatureWithdrawal) WHERE REC(w) },
                                current: COLLECT { MATCH (v:StepRecord {key: s0.key}) WHERE VALID(v)
                                                   RETURN v.contentHash }[0]}
                      } AS stepSignatures""";
    // Every version of every record of the batch recorded by the tree size, the entry bundles that hold their
    // entries (decoded here, so the whole class is one round trip) and the size of the latest stored checkpoint.
    private static final String TRAIL = """
            UNWIND $keys AS k
            MATCH (b0:Batch {key: k, version: 1})
            CALL (b0) {
              MATCH (v:Batch {key: b0.key}) RETURN 'Batch' AS label, v {.*} AS props
              UNION
              MATCH (b0)<-[:IN]-(x:StepRecord) MATCH (v:StepRecord {key: x.key}) RETURN 'StepRecord' AS label, v {.*} AS props
              UNION
              MATCH (b0)<-[:ON]-(x:TestResult) MATCH (v:TestResult {key: x.key}) RETURN 'TestResult' AS label, v {.*} AS props
              UNION
              MATCH (b0)-[:PRODUCED]->(x:Lot) MATCH (v:Lot {key: x.key}) RETURN 'Lot' AS label, v {.*} AS props
              UNION
              MATCH (b0)-[:PRODUCED]->(:Lot)<-[:ON]-(x:TestResult) MATCH (v:TestResult {key: x.key})
              RETURN 'TestResult' AS label, v {.*} AS props
              UNION
              MATCH (b0)<-[:IMPACTS]-(x:Deviation) MATCH (v:Deviation {key: x.key}) RETURN 'Deviation' AS label, v {.*} AS props
              UNION
              MATCH (b0)<-[:SIGNS]-(v:Signature) RETURN 'Signature' AS label, v {.*} AS props
              UNION
              MATCH (b0)-[v:PRODUCED]->() RETURN 'PRODUCED' AS label, v {.*} AS props
              UNION
              MATCH (b0)-[v:USED]->() RETURN 'USED' AS label, v {.*} AS props
              UNION
              MATCH (b0)<-[v:CONSUMED_IN]-() RETURN 'CONSUMED_IN' AS label, v {.*} AS props
            }
            WITH k, label, props WHERE ($asOf IS NULL OR props.ledgerSeq <= $asOf) AND""" + Visibility.published("props")
            + """
            WITH k, collect({label: label, props: props}) AS versions
            WITH collect({k: k, versions: versions}) AS batches
            WITH batches, reduce(all = [], b IN batches | all + [x IN b.versions | x.props.ledgerSeq]) AS seqs
            RETURN batches,
              COLLECT { UNWIND seqs AS s WITH DISTINCT (s - 1) / $width AS i
                        MATCH (bundle:LedgerBundle {index: i}) RETURN [bundle.index, bundle.data] } AS bundles,
              COLLECT { MATCH (c:Checkpoint) RETURN c.treeSize AS size ORDER BY size DESC LIMIT 1 } AS checkpoint""";

    private final AsOf asOf;

    FactQueries(AsOf asOf) {
        this.asOf = asOf;
    }

    /** @param onHold a standing ON_HOLD disposition (its signature not withdrawn) at the tree size */
    record BatchRow(Batch batch, List<Lot> outputs, List<Consumption> consumptions, boolean onHold) {
    }

    record Signed(List<StepRecord> steps, List<SignatureFact> signatures) {
    }

    record Trail(Map<String, List<Version>> versions, Long latestCheckpoint) {
    }

    Map<String, BatchRow> batches(Tx tx, Collection<String> keys) {
        Map<String, BatchRow> rows = new java.util.LinkedHashMap<>();
        tx.run(cypher(BATCHES), params("keys", List.copyOf(keys))).forEachRemaining(r -> rows.put(r.get("k").asString(),
                new BatchRow(ReleaseFacts.batch(r.get("b")),
                        r.get("outputs").asList(v -> ReleaseFacts.<Lot>record(v, RecordType.LOT)),
                        r.get("consumptions").asList(v -> ReleaseFacts.<Consumption>record(v, RecordType.CONSUMPTION)),
                        r.get("onHold").asBoolean())));
        return rows;
    }

    Map<RecordRef, Upstream> upstream(Tx tx, Collection<RecordRef> refs) {
        Map<String, Object> p = params("lots", keys(refs, RecordType.LOT));
        p.put("batches", keys(refs, RecordType.BATCH));
        Map<RecordRef, Upstream> out = new HashMap<>();
        tx.run(cypher(UPSTREAM), p).forEachRemaining(r -> {
            RecordRef ref = new RecordRef(RecordType.ofGraphName(r.get("label").asString()), r.get("key").asString());
            Value expires = r.get("expiresAt");
            out.put(ref, new Upstream(ref, r.get("status").asString(null), r.get("material").asString(null),
                    expires.isNull() ? null : CanonicalJson.parseInstant(expires.asString())));
        });
        return out;
    }

    Map<String, List<TestResult>> tests(Tx tx, Collection<String> keys) {
        Map<String, List<TestResult>> out = new HashMap<>();
        tx.run(cypher(TESTS), params("keys", List.copyOf(keys))).forEachRemaining(r -> out.put(r.get("k").asString(),
                r.get("tests").asList(v -> ReleaseFacts.<TestResult>record(v, RecordType.TEST_RESULT))));
        return out;
    }

    Map<String, List<Deviation>> deviations(Tx tx, Map<String, List<RecordRef>> impactable) {
        List<Map<String, String>> rows = impactable.values().stream().flatMap(List::stream).distinct()
                .map(ref -> Map.of("label", ref.type().graphName(), "key", ref.key())).toList();
        Map<RecordRef, List<Deviation>> byRecord = new HashMap<>();
        tx.run(cypher(DEVIATIONS), params("refs", rows)).forEachRemaining(r -> byRecord.put(
                new RecordRef(RecordType.ofGraphName(r.get("label").asString()), r.get("key").asString()),
                r.get("deviations").asList(v -> ReleaseFacts.<Deviation>record(v, RecordType.DEVIATION))));
        Map<String, List<Deviation>> out = new HashMap<>();
        impactable.forEach((k, refs) -> {
            Map<String, Deviation> distinct = new java.util.TreeMap<>();
            refs.forEach(ref -> byRecord.getOrDefault(ref, List.of()).forEach(d -> distinct.put(d.key(), d)));
            out.put(k, List.copyOf(distinct.values()));
        });
        return out;
    }

    Map<String, List<Use>> equipment(Tx tx, Collection<String> keys) {
        Map<String, List<Use>> out = new HashMap<>();
        tx.run(cypher(EQUIPMENT), params("keys", List.copyOf(keys))).forEachRemaining(r -> out
                .computeIfAbsent(r.get("k").asString(), x -> new ArrayList<>())
                .add(new Use(ReleaseFacts.record(r.get("use"), RecordType.EQUIPMENT_USE),
                        r.get("equipment").isNull() ? null : ReleaseFacts.record(r.get("equipment"), RecordType.EQUIPMENT),
                        r.get("cleanings").asList(v -> ReleaseFacts.record(v, RecordType.CLEANING)),
                        r.get("calibrations").asList(v -> ReleaseFacts.record(v, RecordType.CALIBRATION)))));
        return out;
    }

    Map<String, Signed> stepsAndSignatures(Tx tx, Collection<String> keys) {
        Map<String, Signed> out = new HashMap<>();
        tx.run(cypher(SIGNED), params("keys", List.copyOf(keys))).forEachRemaining(r -> {
            List<SignatureFact> signatures = new ArrayList<>();
            for (String field : List.of("batchSignatures", "stepSignatures")) {
                r.get(field).asList(v -> v).forEach(v -> {
                    Signature s = ReleaseFacts.record(v.get("sig"), RecordType.SIGNATURE);
                    signatures.add(new SignatureFact(s, v.get("seq").asLong(), v.get("withdrawn").asBoolean(),
                            s.signedContentHash().equals(v.get("current").asString(null))));
                });
            }
            out.put(r.get("k").asString(), new Signed(
                    r.get("steps").asList(v -> ReleaseFacts.<StepRecord>record(v, RecordType.STEP_RECORD)), signatures));
        });
        return out;
    }

    Trail trail(Tx tx, Collection<String> keys) {
        Map<String, Object> p = params("keys", List.copyOf(keys));
        p.put("width", TileId.WIDTH);
        var row = tx.run(cypher(TRAIL), p).single();
        Map<Long, byte[]> bundles = new HashMap<>();
        row.get("bundles").asList(v -> v).forEach(b -> bundles.put(b.get(0).asLong(), b.get(1).asByteArray()));
        Map<String, List<Version>> versions = new HashMap<>();
        row.get("batches").asList(v -> v).forEach(b -> versions.put(b.get("k").asString(),
                b.get("versions").asList(x -> version(x.get("label").asString(), x.get("props"), bundles))));
        List<Object> checkpoint = row.get("checkpoint").asList();
        return new Trail(versions, checkpoint.isEmpty() ? null : ((Number) checkpoint.getFirst()).longValue());
    }

    private static Version version(String label, Value props, Map<Long, byte[]> bundles) {
        RecordType type = RecordType.ofGraphName(label);
        long seq = props.get("ledgerSeq").asLong();
        // null when the properties no longer make a record: reported as a mismatch
        String computed = StoredContentHashes.of(type, props.asMap());
        return new Version(new RecordRef(type, props.get("key").asString()), props.get("version").asLong(1), seq,
                props.get("contentHash").asString(null), computed, entry(bundles, seq));
    }

    private static LedgerEntry entry(Map<Long, byte[]> bundles, long seq) {
        byte[] data = bundles.get(LedgerBundles.bundleOf(seq));
        int at = data == null ? 0 : EntryBundle.offsetOf(data, (int) ((seq - 1) % TileId.WIDTH));
        return data == null || at >= data.length ? null
                : CanonicalEntryDecoder.decode(data, at + 2, EntryBundle.length(data, at), seq);
    }

    private static List<String> keys(Collection<RecordRef> refs, RecordType type) {
        return refs.stream().filter(r -> r.type() == type).map(RecordRef::key).distinct().toList();
    }

    private static final java.util.regex.Pattern MACRO = java.util.regex.Pattern.compile("(REC|VALID)\\((\\w+)\\)");

    private String cypher(String template) {
        java.util.regex.Matcher m = MACRO.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = m.group(2);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1).equals("REC")
                    ? "(($asOf IS NULL OR " + v + ".ledgerSeq <= $asOf) AND" + Visibility.published(v) + ")"
                    : asOf.predicate(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Map<String, Object> params(String name, Object value) {
        Map<String, Object> p = new HashMap<>();
        p.put("asOf", asOf.treeSize());
        p.put(name, value);
        return p;
    }
}
