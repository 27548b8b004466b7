package org.batchledger.lineage.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.References;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.Value;

/**
 * Every record version a package involves, as of a tree size. The <em>full</em> batches (the subject of a BATCH
 * package; every affected batch of a RECALL) bring their step records, the lots they produced, the equipment they
 * used with the USED edges, and their dispositions. Every traced lot and batch (and each output lot) brings itself,
 * its material and the genealogy edges into it. Then, generically by record type, every record that refers to an
 * involved record by a reference edge ({@link References#attachmentEdges()}: test results, deviations, CAPAs,
 * workflow transitions, change controls, documents, exception dispositions, and whatever record types are added
 * later), followed a few rounds deep (a deviation's CAPA, the CAPA's transitions); records referring to a used
 * piece of equipment (cleanings, calibrations, change controls) only when in force during the batch's use of it.
 * Last the signatures on any of these versions, their withdrawals and the source files. Every version of each
 * record recorded by the tree size is included (a corrected record shows its history); staged records
 * not published yet ({@link Visibility#published}) never are. Each step is one small query per label over all its keys ({@code UNWIND}).
 */
final class InvolvedRecords {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InvolvedRecords.class);
    private static final String REC = "v.ledgerSeq <= $asOf AND " + Visibility.published("v");
    /** Rounds of "records referring to what was found": deviation → CAPA → its transitions → a document. */
    static final int ATTACHMENT_ROUNDS = 4;
    /** Labels never followed as anchors: a material's referrers are every lot of it; bound records come later. */
    private static final Set<String> NOT_ANCHORS = Set.of("Material", "Equipment", "Signature",
            "SignatureWithdrawal", "SourceFile", "Disposition");

    // What each full batch brings: outputs, steps, and each use of equipment with its time window.
    private static final String FULL = """
            UNWIND $full AS key
            MATCH (b0:Batch {key: key, version: 1})
            RETURN COLLECT { MATCH (b0)-[r:PRODUCED]->(v:Lot) WHERE r.ledgerSeq <= $asOf RETURN DISTINCT v.key }
                AS outputs,
              COLLECT { MATCH (b0)<-[:IN]-(v:StepRecord) WHERE REC RETURN DISTINCT v.key } AS steps,
              COLLECT { MATCH (b0)-[r:USED]->(v:Equipment) WHERE r.ledgerSeq <= $asOf
                        RETURN {key: v.key, `from`: coalesce(r.`from`, b0.startedAt, ''),
                                `to`: coalesce(r.`to`, b0.endedAt, '9999')} } AS uses""";

    private static final String MATERIALS = """
            RETURN COLLECT { UNWIND $lots AS k MATCH (v:Lot {key: k}) WHERE REC AND v.materialKey IS NOT NULL
                        RETURN DISTINCT v.materialKey }
                + COLLECT { UNWIND $batches AS k MATCH (v:Batch {key: k}) WHERE REC AND v.productKey IS NOT NULL
                        RETURN DISTINCT v.productKey } AS materials""";

    // A record in force during a use of equipment: begun by its end, and not expired before its start (times are
    // RFC 3339 UTC text with milliseconds, so they compare as strings).
    private static final String IN_WINDOW = """
            coalesce(v.performedAt, v.openedAt, v.transitionedAt, '') <= w.`to`
            AND coalesce(v.validUntil, v.dueAt, v.closedAt, w.`from`) >= w.`from`""";

    /** One record version as stored: its type and its properties (record fields and bookkeeping). */
    record Version(RecordType type, Map<String, Object> props) {
        long seq() {
            return ((Number) props.get("ledgerSeq")).longValue();
        }

        String key() {
            return (String) props.get("key");
        }
    }

    private final GraphDatabase db;

    InvolvedRecords(GraphDatabase db) {
        this.db = db;
    }

    /** The versions of a BATCH package: the subject is the one full batch. */
    List<Version> forBatch(String batchKey, Set<String> batches, Set<String> lots, long asOf) {
        return collect(Set.of(batchKey), batches, lots, asOf);
    }

    /**
     * The versions, distinct by their entry: {@code full} batches with their own records, {@code batches} and
     * {@code lots} (the traced nodes) with theirs.
     */
    List<Version> collect(Set<String> full, Set<String> batches, Set<String> lots, long asOf) {
        return db.read(tx -> {
            Map<String, Object> p = new HashMap<>();
            p.put("full", List.copyOf(full));
            p.put("asOf", asOf);
            Set<String> allLots = new LinkedHashSet<>(lots);
            Set<String> steps = new TreeSet<>();
            List<Map<String, Object>> windows = new ArrayList<>();
            timed(tx, FULL, p).forEach(r -> {
                allLots.addAll(strings(r.get("outputs")));
                steps.addAll(strings(r.get("steps")));
                windows.addAll(r.get("uses").asList(v -> v.asMap()));
            });
            Set<String> allBatches = new TreeSet<>(batches);
            allBatches.addAll(full);
            p.put("batches", List.copyOf(allBatches));
            p.put("lots", List.copyOf(allLots));
            List<String> materials = strings(timed(tx, MATERIALS, p).getFirst().get("materials"));

            Map<String, Set<String>> keys = new TreeMap<>();
            nodeLabels().forEach(l -> keys.put(l, new TreeSet<>()));
            keys.get("Batch").addAll(allBatches);
            keys.get("Lot").addAll(allLots);
            keys.get("StepRecord").addAll(steps);
            keys.get("Material").addAll(materials);
            windows.forEach(w -> keys.get("Equipment").add((String) w.get("key")));

            long t0 = System.nanoTime();
            attachments(tx, p, keys, windows);
            Map<String, Object> keyLists = new HashMap<>();
            keys.forEach((l, ks) -> keyLists.put(l, List.copyOf(ks)));
            p.put("keys", keyLists);
            Map<Long, Version> bySeq = new TreeMap<>();
            long t1 = System.nanoTime();
            for (String cypher : versions(keys)) {
                timed(tx, cypher, p).forEach(r -> add(bySeq, r.get("label").asString(),
                        r.get("props")));
            }
            long t2 = System.nanoTime();
            for (String cypher : bound(keys)) {
                timed(tx, cypher, p).forEach(r -> add(bySeq, r.get("label").asString(),
                        r.get("props")));
            }
            LOG.debug("Involved records of {}: attachments {} ms, versions {} ms, bound {} ms", full,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return List.copyOf(bySeq.values());
        });
    }

    /**
     * Adds to {@code keys} every record referring to an anchor by an attachment edge, round after round from what
     * the previous round found; equipment is an anchor only through the windows of its use.
     */
    private static void attachments(GraphDatabase.Tx tx, Map<String, Object> p,
                                    Map<String, Set<String>> keys, List<Map<String, Object>> windows) {
        Map<String, Object> q = new HashMap<>(p);
        q.put("labels", nodeLabels());
        q.put("windows", windows);
        Map<String, Set<String>> anchors = new TreeMap<>();
        keys.forEach((l, ks) -> {
            if (!NOT_ANCHORS.contains(l)) {
                anchors.put(l, new TreeSet<>(ks));
            }
        });
        for (int round = 0; round < ATTACHMENT_ROUNDS && !anchors.values().stream().allMatch(Set::isEmpty); round++) {
            Map<String, Object> lists = new HashMap<>();
            nodeLabels().forEach(l -> lists.put(l, List.copyOf(anchors.getOrDefault(l, Set.of()))));
            q.put("anchors", lists);
            Map<String, Set<String>> fresh = new TreeMap<>();
            for (String cypher : referrers(anchors, round == 0 && !windows.isEmpty())) {
                timed(tx, cypher, q).forEach(r -> {
                    if (r.get("label").isNull()) {
                        return;
                    }
                    String label = r.get("label").asString();
                    String key = r.get("key").asString();
                    if (keys.computeIfAbsent(label, l -> new TreeSet<>()).add(key) && !NOT_ANCHORS.contains(label)) {
                        fresh.computeIfAbsent(label, l -> new TreeSet<>()).add(key);
                    }
                });
            }
            anchors.clear();
            anchors.putAll(fresh);
        }
    }

    /** Node record types by graph label: every record type that is not a relationship, so new ones flow in. */
    static List<String> nodeLabels() {
        List<String> labels = new ArrayList<>();
        for (RecordType t : RecordType.values()) {
            if (!t.isRelationship()) {
                labels.add(t.graphName());
            }
        }
        return labels;
    }

    // One small query per label with keys, not one UNION over every label: each plans in milliseconds and its plan
    // is cached, where a UNION of twenty branches took seconds to plan on a cold hub.
    private static final String RETURN_REFERRER = " RETURN DISTINCT [l IN labels(v) WHERE l IN $labels][0] AS label, "
            + "v.key AS key";

    /** The attachment edge types as a Cypher type alternation (code constants of the writer's table). */
    private static final String EDGE_TYPES = String.join("|", References.attachmentEdges());

    private static List<String> referrers(Map<String, Set<String>> anchors, boolean withEquipment) {
        List<String> out = new ArrayList<>();
        anchors.forEach((l, ks) -> {
            if (!ks.isEmpty() && !NOT_ANCHORS.contains(l)) {
                out.add("UNWIND $anchors.%s AS k MATCH (:%s {key: k})<-[:%s]-(v) WHERE REC"
                        .formatted(l, l, EDGE_TYPES) + RETURN_REFERRER);
            }
        });
        if (withEquipment) {
            out.add("UNWIND $windows AS w MATCH (:Equipment {key: w.key})<-[:" + EDGE_TYPES + "]-(v) WHERE REC AND "
                    + IN_WINDOW + RETURN_REFERRER);
        }
        return out;
    }

    // Every version of the given keys per label, the full batches' dispositions and USED edges, and the genealogy
    // edges into the traced nodes.
    private static List<String> versions(Map<String, Set<String>> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach((l, ks) -> {
            if (!ks.isEmpty()) {
                out.add("UNWIND $keys.%s AS k MATCH (v:%s {key: k}) WHERE REC RETURN '%s' AS label, v {.*} AS props"
                        .formatted(l, l, l));
            }
        });
        out.add("UNWIND $full AS key MATCH (v:Disposition {batchKey: key}) WHERE REC "
                + "RETURN 'Disposition' AS label, v {.*} AS props");
        out.add("UNWIND $keys.Batch AS k MATCH (:Lot)-[v:CONSUMED_IN]->(:Batch {key: k, version: 1}) WHERE REC "
                + "RETURN 'CONSUMED_IN' AS label, v {.*} AS props");
        out.add("UNWIND $keys.Lot AS k MATCH (:Batch)-[v:PRODUCED]->(:Lot {key: k, version: 1}) WHERE REC "
                + "RETURN 'PRODUCED' AS label, v {.*} AS props");
        out.add("UNWIND $full AS key MATCH (:Batch {key: key, version: 1})-[v:USED]->() WHERE REC "
                + "RETURN 'USED' AS label, v {.*} AS props");
        return out;
    }

    // What is bound to the versions found: signatures, their withdrawals, source files. By label and key (index
    // seeks), never by element ID.
    private static final String BOUND = """
            CALL (x) {
              MATCH (x)<-[:SIGNS]-(v:Signature) WHERE REC RETURN 'Signature' AS label, v
              UNION
              MATCH (x)<-[:SIGNS]-(:Signature)<-[:WITHDRAWS]-(v:SignatureWithdrawal) WHERE REC
              RETURN 'SignatureWithdrawal' AS label, v
              UNION
              MATCH (x)-[:FROM]->(v:SourceFile) WHERE REC RETURN 'SourceFile' AS label, v
              UNION
              MATCH (x)<-[:SIGNS]-(:Signature)-[:FROM]->(v:SourceFile) WHERE REC RETURN 'SourceFile' AS label, v
            }
            RETURN DISTINCT label, v {.*} AS props""";

    private static List<String> bound(Map<String, Set<String>> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach((l, ks) -> {
            if (!ks.isEmpty() && !l.equals("Disposition")) {
                out.add("UNWIND $keys.%s AS k MATCH (x:%s {key: k})\n".formatted(l, l) + BOUND);
            }
        });
        out.add("UNWIND $full AS key MATCH (x:Disposition {batchKey: key})\n" + BOUND);
        return out;
    }

    /** Runs one query to the end; one slower than a second is logged with its start, to find what to tune. */
    private static List<org.neo4j.driver.Record> timed(GraphDatabase.Tx tx, String cypher, Map<String, Object> p) {
        long t = System.nanoTime();
        List<org.neo4j.driver.Record> rows = tx.run(cypher.replace("REC", REC), p).list();
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (ms > 1_000) {
            LOG.info("Evidence query took {} ms for {} rows: {}", ms, rows.size(),
                    cypher.substring(0, Math.min(160, cypher.length())).replace('\n', ' '));
        }
        return rows;
    }

    private static void add(Map<Long, Version> bySeq, String label, Value props) {
        Version v = new Version(RecordType.ofGraphName(label), props.asMap());
        bySeq.putIfAbsent(v.seq(), v);
    }

    private static List<String> strings(Value list) {
        return list.asList(Value::asString).stream().distinct().toList();
    }
}
