package org.batchledger.lineage.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/**
 * One-hop neighbours for many parents at once. Each {@link Hop} is a fixed pattern from parent {@code p} to child
 * {@code c}; a child may be a node or a genealogy relationship.
 */
public final class Neighbours {
    /** The one-hop patterns the API serves, upstream and downstream. */
    public enum Hop {
        BATCH_INPUTS("(p:Batch {key: k, version: 1})<-[c:CONSUMED_IN]-(:Lot)", RecordType.CONSUMPTION),
        BATCH_OUTPUTS("(p:Batch {key: k, version: 1})-[:PRODUCED]->(c:Lot)", RecordType.LOT),
        BATCH_EQUIPMENT_USE("(p:Batch {key: k, version: 1})-[c:USED]->(:Equipment)", RecordType.EQUIPMENT_USE),
        BATCH_STEP_RECORDS("(p:Batch {key: k, version: 1})<-[:IN]-(c:StepRecord)", RecordType.STEP_RECORD),
        BATCH_TEST_RESULTS("(p:Batch {key: k, version: 1})<-[:ON]-(c:TestResult)", RecordType.TEST_RESULT),
        BATCH_DEVIATIONS("(p:Batch {key: k, version: 1})<-[:IMPACTS]-(c:Deviation)", RecordType.DEVIATION),
        BATCH_SIGNATURES("(p:Batch {key: k, version: 1})<-[:SIGNS]-(c:Signature)", RecordType.SIGNATURE),
        LOT_CONSUMED_BY("(p:Lot {key: k, version: 1})-[:CONSUMED_IN]->(c:Batch)", RecordType.BATCH),
        LOT_PRODUCED_BY("(p:Lot {key: k, version: 1})<-[:PRODUCED]-(c:Batch)", RecordType.BATCH),
        LOT_TEST_RESULTS("(p:Lot {key: k, version: 1})<-[:ON]-(c:TestResult)", RecordType.TEST_RESULT),
        LOT_DEVIATIONS("(p:Lot {key: k, version: 1})<-[:IMPACTS]-(c:Deviation)", RecordType.DEVIATION),
        MATERIAL_LOTS("(p:Material {key: k, version: 1})<-[:OF]-(c:Lot)", RecordType.LOT),
        EQUIPMENT_CLEANINGS("(p:Equipment {key: k, version: 1})<-[:ON]-(c:Cleaning)", RecordType.CLEANING),
        EQUIPMENT_CALIBRATIONS("(p:Equipment {key: k, version: 1})<-[:ON]-(c:Calibration)", RecordType.CALIBRATION),
        EQUIPMENT_DEVIATIONS("(p:Equipment {key: k, version: 1})<-[:IMPACTS]-(c:Deviation)", RecordType.DEVIATION);

        private final String pattern;
        private final RecordType child;

        Hop(String pattern, RecordType child) {
            this.pattern = pattern;
            this.child = child;
        }

        // Edges join version 1 of each record (the anchor); a node child is shown in its current version.
        private String current() {
            return child.isRelationship() ? " WITH k, c"
                    : " MATCH (v:" + child.graphName() + " {key: c.key}) WHERE v.supersededAtSeq IS NULL WITH k, v AS c";
        }
    }

    private final GraphDatabase db;

    public Neighbours(GraphDatabase db) {
        this.db = db;
    }

    /** Every child of each parent (for lists that stay short), ordered by key. */
    public <T extends LedgerRecord> Map<String, List<T>> all(Hop hop, Collection<String> parentKeys) {
        String cypher = "UNWIND $keys AS k MATCH " + hop.pattern + hop.current() + " WITH k, c ORDER BY c.key "
                + "RETURN k, collect(c) AS children";
        return fetch(cypher, Map.of("keys", List.copyOf(parentKeys)), hop.child);
    }

    /** One keyset page of children per parent (for lists that can be long), in one round trip for all parents. */
    public <T extends LedgerRecord> Map<String, Page<T>> page(Hop hop, Collection<String> parentKeys,
                                                            PageRequest request) {
        String cypher = "UNWIND $keys AS k CALL (k) { MATCH " + hop.pattern + " WHERE c.key > $after" + hop.current()
                + " RETURN c ORDER BY c.key LIMIT $limit } RETURN k, collect(c) AS children";
        Map<String, Object> params = Map.of("keys", List.copyOf(parentKeys), "after", request.afterOrEmpty(),
                "limit", request.first() + 1);
        Map<String, List<T>> fetched = request.first() == 0 ? Map.of() : fetch(cypher, params, hop.child);
        Map<String, Page<T>> pages = new HashMap<>();
        for (String key : parentKeys) {
            pages.put(key, Page.of(fetched.getOrDefault(key, List.of()), request, LedgerRecord::key));
        }
        return pages;
    }

    @SuppressWarnings("unchecked")
    private <T extends LedgerRecord> Map<String, List<T>> fetch(String cypher, Map<String, Object> params,
                                                              RecordType child) {
        return db.read(tx -> {
            Map<String, List<T>> byParent = new HashMap<>();
            tx.run(cypher, params).forEachRemaining(r -> byParent.put(r.get("k").asString(),
                    r.get("children").asList(v -> (T) RecordQueries.toRecord(v, child))));
            return byParent;
        });
    }
}
