package org.batchledger.lineage.release.alcoa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.release.Specifications;

/**
 * Reads {@link BatchRecords} in one read transaction with a fixed number of queries, whatever the number of
 * records: {@value #QUERIES} at most (records, genealogy edges, equipment history, ledger entries, unlinked
 * results; the head and checkpoint are read first by the engine). Every node is read in its version valid at the
 * tree size; edges join version 1 of each record (the anchor), as the writer makes them.
 */
final class BatchRecordsQuery {
    static final int QUERIES = 5;
    /**
     * Versions read per record: a correction points its new version at the one it replaces ({@code SUPERSEDES}), so
     * the versions of a record are a chain ending at its anchor, walked backwards from there. Bounded as every
     * variable-length pattern is; a record corrected more often than this shows its first versions only.
     */
    static final int MAX_VERSIONS = 1000;
    private static final String NODES = """
            MATCH (b:Batch {key: $key, version: 1}) WHERE b.ledgerSeq <= $asOf
            CALL (b) {
                RETURN b AS a
              UNION
                MATCH (b)<-[:IN]-(a:StepRecord) RETURN a
              UNION
                MATCH (b)<-[:ON]-(a:TestResult) RETURN a
              UNION
                MATCH (b)-[p:PRODUCED]->(:Lot)<-[:ON]-(a:TestResult) WHERE p.ledgerSeq <= $asOf RETURN a
              UNION
                MATCH (b)<-[:IMPACTS]-(a:Deviation) RETURN a
            }
            WITH collect(a) AS records
            CALL (records) {
              UNWIND records AS r
              MATCH (r)<-[:SIGNS]-(s:Signature)
              OPTIONAL MATCH (s)<-[:WITHDRAWS]-(w:SignatureWithdrawal)
              RETURN collect(DISTINCT s) + collect(DISTINCT w) AS signing
            }
            UNWIND records + signing AS a
            WITH a WHERE a.ledgerSeq <= $asOf
            CALL (a) { MATCH (v)-[:SUPERSEDES*0..%d]->(a) WHERE v.ledgerSeq <= $asOf RETURN v }
            WITH a, v ORDER BY v.version
            RETURN labels(a)[0] AS label, a.key AS key, collect(properties(v)) AS versions,
                   [(a)-[:FROM]->(f:SourceFile) | f.key] AS files""".formatted(MAX_VERSIONS);
    private static final String EDGES = """
            MATCH (b:Batch {key: $key, version: 1})
            CALL (b) {
                MATCH (l:Lot)-[r:CONSUMED_IN]->(b) WHERE r.ledgerSeq <= $asOf
                RETURN 'CONSUMED_IN' AS type, r, l.key AS lot, EXISTS { (l)-[:OF]->(:Material) } AS traced
              UNION ALL
                MATCH (b)-[r:PRODUCED]->(l:Lot) WHERE r.ledgerSeq <= $asOf
                RETURN 'PRODUCED' AS type, r, l.key AS lot, true AS traced
              UNION ALL
                MATCH (b)-[r:USED]->(:Equipment) WHERE r.ledgerSeq <= $asOf
                RETURN 'USED' AS type, r, null AS lot, true AS traced
            }
            RETURN type, properties(r) AS p, lot, traced,
                   CASE WHEN r.source STARTS WITH 'file:' AND EXISTS { (:SourceFile {key: substring(r.source, 5)}) }
                        THEN [substring(r.source, 5)] ELSE [] END AS files""";
    private static final String EQUIPMENT = """
            UNWIND $equipment AS e
            CALL (e) {
                MATCH (c:Cleaning)-[:ON]->(:Equipment {key: e, version: 1}) WHERE c.ledgerSeq <= $asOf
                MATCH (v:Cleaning {key: c.key}) WHERE %1$s
                RETURN 'Cleaning' AS label, properties(v) AS p
              UNION ALL
                MATCH (c:Calibration)-[:ON]->(:Equipment {key: e, version: 1}) WHERE c.ledgerSeq <= $asOf
                MATCH (v:Calibration {key: c.key}) WHERE %1$s
                RETURN 'Calibration' AS label, properties(v) AS p
            }
            RETURN e, label, p""".formatted(new AsOf(0L).predicate("v"));
    // results that name a sample of this batch or its lots (key <namespace>:<sampleId>, as References#sampleCandidates
    // builds it) but have no ON edge: ambiguous between a lot and a batch of that key. A prefix seek on the key index.
    private static final String UNLINKED = """
            UNWIND $candidates AS c
            MATCH (r:TestResult) WHERE r.key STARTS WITH c.namespace AND r.version = 1 AND r.ledgerSeq <= $asOf
              AND trim(r.sampleId) = c.sample AND r.subject IS NULL AND NOT EXISTS { (r)-[:ON]->() }
            WITH DISTINCT r
            MATCH (v:TestResult {key: r.key}) WHERE v.ledgerSeq <= $asOf
            WITH r, v ORDER BY v.version
            RETURN 'TestResult' AS label, r.key AS key, collect(properties(v)) AS versions, [] AS files""";

    private BatchRecordsQuery() {
    }

    /** The batch's records, or empty when the batch is not recorded at {@code treeSize}. */
    static Optional<BatchRecords> read(Tx tx, String batchKey, long treeSize, long checkpointSize,
                                       Specifications specifications, RawDataStore rawData) {
        Map<String, Object> params = Map.of("key", batchKey, "asOf", treeSize);
        List<Item> items = new ArrayList<>(tx.run(NODES, params).list(r -> item(r.get("label").asString(),
                r.get("key").asString(), r.get("versions").asList(v -> v.asMap()), r.get("files").asList(v -> v.asString()))));
        Optional<Item> batch = items.stream().filter(i -> i.ref().type() == RecordType.BATCH).findFirst();
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Boolean> lotsWithMaterial = new HashMap<>();
        Set<String> outputLots = new LinkedHashSet<>();
        tx.run(EDGES, params).forEachRemaining(r -> {
            RecordType type = RecordType.ofGraphName(r.get("type").asString());
            Map<String, Object> p = r.get("p").asMap();
            items.add(item(type.graphName(), (String) p.get("key"), List.of(p), r.get("files").asList(v -> v.asString())));
            if (type == RecordType.CONSUMPTION) {
                lotsWithMaterial.put(r.get("lot").asString(), r.get("traced").asBoolean());
            } else if (type == RecordType.PRODUCTION) {
                outputLots.add(r.get("lot").asString());
            }
        });
        List<String> equipment = items.stream().map(Item::record).filter(EquipmentUse.class::isInstance)
                .map(u -> ((EquipmentUse) u).equipmentKey()).distinct().toList();
        Map<String, List<Cleaning>> cleanings = new HashMap<>();
        Map<String, List<Calibration>> calibrations = new HashMap<>();
        if (!equipment.isEmpty()) {
            tx.run(EQUIPMENT, Map.of("equipment", equipment, "asOf", treeSize)).forEachRemaining(r -> {
                String e = r.get("e").asString();
                Map<String, Object> p = r.get("p").asMap();
                if (r.get("label").asString().equals("Cleaning")) {
                    cleanings.computeIfAbsent(e, k -> new ArrayList<>()).add(RecordProperties.toRecord(p, Cleaning.class));
                } else {
                    calibrations.computeIfAbsent(e, k -> new ArrayList<>())
                            .add(RecordProperties.toRecord(p, Calibration.class));
                }
            });
        }
        List<Map<String, String>> candidates = new ArrayList<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(batchKey), outputLots.stream())
                .filter(k -> k.indexOf(':') > 0 && k.indexOf(':') < k.length() - 1)
                .forEach(k -> candidates.add(Map.of("namespace", k.substring(0, k.indexOf(':') + 1),
                        "sample", k.substring(k.indexOf(':') + 1))));
        List<Item> unlinked = candidates.isEmpty() ? List.of() : tx.run(UNLINKED, Map.of("candidates", candidates,
                "asOf", treeSize)).list(r -> item(
                r.get("label").asString(), r.get("key").asString(), r.get("versions").asList(v -> v.asMap()), List.of()));
        Map<Long, LedgerEntry> entries = entries(tx, items, unlinked);
        String product = batch.get().record() instanceof org.batchledger.schema.record.Batch b ? b.productKey() : null;
        return Optional.of(new BatchRecords(batch.get(), List.copyOf(items), treeSize, checkpointSize, entries,
                cleanings, calibrations, lotsWithMaterial, unlinked,
                product == null ? Optional.empty() : specifications.of(product), outputLots, rawData));
    }

    private static Map<Long, LedgerEntry> entries(Tx tx, Collection<Item> items, Collection<Item> more) {
        Set<Long> seqs = new java.util.TreeSet<>();
        items.forEach(i -> i.history().forEach(v -> seqs.add(v.seq())));
        more.forEach(i -> i.history().forEach(v -> seqs.add(v.seq())));
        return seqs.isEmpty() ? Map.of() : LedgerBundles.entries(tx, seqs);
    }

    private static Item item(String label, String key, List<Map<String, Object>> versions, List<String> files) {
        RecordType type = RecordType.ofGraphName(label);
        Map<String, Object> current = versions.getLast();
        LedgerRecord record;
        try {
            record = RecordProperties.toRecord(current, type.javaType());
        } catch (RuntimeException e) {
            record = null; // a stored version that is no valid record: the legibility rule reports it
        }
        List<Item.Version> history = versions.stream().map(v -> new Item.Version(number(v.get("ledgerSeq")),
                v.get("version") == null ? 1 : number(v.get("version")), (String) v.get("contentHash"))).toList();
        return new Item(new RecordRef(type, key), record, current, history, files);
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
