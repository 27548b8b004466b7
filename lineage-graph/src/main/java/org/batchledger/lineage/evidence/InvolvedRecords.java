package org.batchledger.lineage.evidence;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.Value;

/**
 * Every record version a batch's evidence involves, as of a tree size: the batch, its step records, the lots it
 * produced, the equipment it used, its PRODUCED and USED edges, and for every lot and batch of its upstream
 * genealogy (and its output lots) the node itself, its material, the test results on it and the deviations
 * impacting it; the genealogy edges into every traced node; then the signatures on any of these versions, their
 * withdrawals, the batch's dispositions and the source files the records came from. Every version of each record
 * recorded by the tree size is included (a corrected record shows its history); staged records
 * ({@code supersededAtSeq = 0}) never are. Three round trips, each one query over all keys ({@code UNWIND}).
 */
final class InvolvedRecords {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InvolvedRecords.class);
    private static final String REC = "v.ledgerSeq <= $asOf AND coalesce(v.supersededAtSeq, -1) <> 0";

    // The keys attached to the traced lots and batches (and the subject's own neighbours).
    private static final String ATTACHED = """
            OPTIONAL MATCH (b0:Batch {key: $key, version: 1})
            WITH b0, COLLECT { MATCH (b0)-[r:PRODUCED]->(v:Lot) WHERE r.ledgerSeq <= $asOf RETURN DISTINCT v.key }
              AS outputs
            WITH b0, outputs, $lots + outputs AS lots
            RETURN outputs,
              COLLECT { MATCH (b0)<-[:IN]-(v:StepRecord) WHERE REC RETURN DISTINCT v.key } AS steps,
              COLLECT { MATCH (b0)-[r:USED]->(v:Equipment) WHERE r.ledgerSeq <= $asOf RETURN DISTINCT v.key } AS equipment,
              COLLECT { UNWIND $batches AS k MATCH (:Batch {key: k})<-[:ON]-(v:TestResult) WHERE REC RETURN DISTINCT v.key }
                + COLLECT { UNWIND lots AS k MATCH (:Lot {key: k})<-[:ON]-(v:TestResult) WHERE REC RETURN DISTINCT v.key }
                AS tests,
              COLLECT { UNWIND $batches AS k MATCH (:Batch {key: k})<-[:IMPACTS]-(v:Deviation) WHERE REC RETURN DISTINCT v.key }
                + COLLECT { UNWIND lots AS k MATCH (:Lot {key: k})<-[:IMPACTS]-(v:Deviation) WHERE REC RETURN DISTINCT v.key }
                AS deviations,
              COLLECT { UNWIND lots AS k MATCH (v:Lot {key: k}) WHERE REC AND v.materialKey IS NOT NULL
                        RETURN DISTINCT v.materialKey }
                + COLLECT { UNWIND $batches AS k MATCH (v:Batch {key: k}) WHERE REC AND v.productKey IS NOT NULL
                        RETURN DISTINCT v.productKey } AS materials""";

    // Every version of the given keys per label, and the genealogy and subject edges by their ends.
    private static final String VERSIONS = """
            CALL () {
              UNWIND $keys.Batch AS k MATCH (v:Batch {key: k}) WHERE REC RETURN 'Batch' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.Lot AS k MATCH (v:Lot {key: k}) WHERE REC RETURN 'Lot' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.Material AS k MATCH (v:Material {key: k}) WHERE REC RETURN 'Material' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.Equipment AS k MATCH (v:Equipment {key: k}) WHERE REC RETURN 'Equipment' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.StepRecord AS k MATCH (v:StepRecord {key: k}) WHERE REC RETURN 'StepRecord' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.TestResult AS k MATCH (v:TestResult {key: k}) WHERE REC RETURN 'TestResult' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.Deviation AS k MATCH (v:Deviation {key: k}) WHERE REC RETURN 'Deviation' AS label, v {.*} AS props
              UNION ALL
              MATCH (v:Disposition {batchKey: $key}) WHERE REC RETURN 'Disposition' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.Batch AS k MATCH (:Lot)-[v:CONSUMED_IN]->(:Batch {key: k, version: 1}) WHERE REC
              RETURN 'CONSUMED_IN' AS label, v {.*} AS props
              UNION ALL
              UNWIND $keys.Lot AS k MATCH (:Batch)-[v:PRODUCED]->(:Lot {key: k, version: 1}) WHERE REC
              RETURN 'PRODUCED' AS label, v {.*} AS props
              UNION ALL
              MATCH (:Batch {key: $key, version: 1})-[v:USED]->() WHERE REC RETURN 'USED' AS label, v {.*} AS props
            }
            RETURN label, props""";

    // What is bound to the versions found: signatures, their withdrawals, source files. By label and key (index
    // seeks), never by element ID.
    private static final String BOUND = """
            CALL () {
              %s
              UNION ALL
              MATCH (x:Disposition {batchKey: $key}) RETURN x
            }
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
            RETURN DISTINCT label, v {.*} AS props""".formatted("""
              UNWIND $keys.Batch AS k MATCH (x:Batch {key: k}) RETURN x
              UNION ALL
              UNWIND $keys.Lot AS k MATCH (x:Lot {key: k}) RETURN x
              UNION ALL
              UNWIND $keys.Material AS k MATCH (x:Material {key: k}) RETURN x
              UNION ALL
              UNWIND $keys.Equipment AS k MATCH (x:Equipment {key: k}) RETURN x
              UNION ALL
              UNWIND $keys.StepRecord AS k MATCH (x:StepRecord {key: k}) RETURN x
              UNION ALL
              UNWIND $keys.TestResult AS k MATCH (x:TestResult {key: k}) RETURN x
              UNION ALL
              UNWIND $keys.Deviation AS k MATCH (x:Deviation {key: k}) RETURN x""");

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

    /** The versions, distinct by their entry, for a subject batch and the lots and batches of its genealogy. */
    List<Version> forBatch(String batchKey, Set<String> batches, Set<String> lots, long asOf) {
        return db.read(tx -> {
            Map<String, Object> p = new HashMap<>();
            p.put("key", batchKey);
            p.put("asOf", asOf);
            p.put("batches", List.copyOf(batches));
            p.put("lots", List.copyOf(lots));
            var a = tx.run(ATTACHED.replace("REC", REC), p).single();
            Set<String> allLots = new LinkedHashSet<>(lots);
            allLots.addAll(strings(a.get("outputs")));
            Map<String, Object> keys = new HashMap<>();
            keys.put("Batch", List.copyOf(batches));
            keys.put("Lot", List.copyOf(allLots));
            keys.put("Material", strings(a.get("materials")));
            keys.put("Equipment", strings(a.get("equipment")));
            keys.put("StepRecord", strings(a.get("steps")));
            keys.put("TestResult", strings(a.get("tests")));
            keys.put("Deviation", strings(a.get("deviations")));
            p.put("keys", keys);
            Map<Long, Version> bySeq = new java.util.TreeMap<>();
            long t0 = System.nanoTime();
            tx.run(VERSIONS.replace("REC", REC), p).forEachRemaining(r -> add(bySeq, r.get("label").asString(),
                    r.get("props")));
            long t1 = System.nanoTime();
            tx.run(BOUND.replace("REC", REC), p).forEachRemaining(r -> add(bySeq, r.get("label").asString(),
                    r.get("props")));
            LOG.debug("Involved records of {}: versions {} ms, bound {} ms", batchKey, (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            // signatures on the signatures' withdrawals and dispositions are bound the same way, one level deep
            return List.copyOf(bySeq.values());
        });
    }

    private static void add(Map<Long, Version> bySeq, String label, Value props) {
        Version v = new Version(RecordType.ofGraphName(label), props.asMap());
        bySeq.putIfAbsent(v.seq(), v);
    }

    private static List<String> strings(Value list) {
        return list.asList(Value::asString).stream().distinct().toList();
    }
}
