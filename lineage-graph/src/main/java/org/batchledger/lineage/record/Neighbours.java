package org.batchledger.lineage.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/**
 * One-hop neighbours for many parents at once, in the current graph or as of a tree size. Each {@link Hop} is a
 * fixed pattern from parent {@code p} to child {@code c}; a child may be a node or a genealogy relationship.
 */
public final class Neighbours {
    /** The one-hop patterns the API serves, upstream and downstream. */
    public enum Hop {
        BATCH_INPUTS("(p:Batch {key: k, version: 1})<-[c:CONSUMED_IN]-(:Lot)", RecordType.CONSUMPTION, false),
        BATCH_OUTPUTS("(p:Batch {key: k, version: 1})-[r:PRODUCED]->(c:Lot)", RecordType.LOT, true),
        BATCH_EQUIPMENT_USE("(p:Batch {key: k, version: 1})-[c:USED]->(:Equipment)", RecordType.EQUIPMENT_USE, false),
        BATCH_STEP_RECORDS("(p:Batch {key: k, version: 1})<-[:IN]-(c:StepRecord)", RecordType.STEP_RECORD, false),
        BATCH_TEST_RESULTS("(p:Batch {key: k, version: 1})<-[:ON]-(c:TestResult)", RecordType.TEST_RESULT, false),
        BATCH_DEVIATIONS("(p:Batch {key: k, version: 1})<-[:IMPACTS]-(c:Deviation)", RecordType.DEVIATION, false),
        BATCH_SIGNATURES("(p:Batch {key: k, version: 1})<-[:SIGNS]-(c:Signature)", RecordType.SIGNATURE, false),
        SIGNATURE_WITHDRAWALS("(p:Signature {key: k, version: 1})<-[:WITHDRAWS]-(c:SignatureWithdrawal)",
                RecordType.SIGNATURE_WITHDRAWAL, false),
        LOT_CONSUMED_BY("(p:Lot {key: k, version: 1})-[r:CONSUMED_IN]->(c:Batch)", RecordType.BATCH, true),
        LOT_PRODUCED_BY("(p:Lot {key: k, version: 1})<-[r:PRODUCED]-(c:Batch)", RecordType.BATCH, true),
        LOT_TEST_RESULTS("(p:Lot {key: k, version: 1})<-[:ON]-(c:TestResult)", RecordType.TEST_RESULT, false),
        LOT_DEVIATIONS("(p:Lot {key: k, version: 1})<-[:IMPACTS]-(c:Deviation)", RecordType.DEVIATION, false),
        MATERIAL_LOTS("(p:Material {key: k, version: 1})<-[:OF]-(c:Lot)", RecordType.LOT, false),
        EQUIPMENT_CLEANINGS("(p:Equipment {key: k, version: 1})<-[:ON]-(c:Cleaning)", RecordType.CLEANING, false),
        EQUIPMENT_CALIBRATIONS("(p:Equipment {key: k, version: 1})<-[:ON]-(c:Calibration)", RecordType.CALIBRATION, false),
        EQUIPMENT_DEVIATIONS("(p:Equipment {key: k, version: 1})<-[:IMPACTS]-(c:Deviation)", RecordType.DEVIATION, false);

        private final String pattern;
        private final RecordType child;
        private final boolean recordedEdge;

        /** {@code recordedEdge}: the edge {@code r} to a node child is a genealogy record of its own. */
        Hop(String pattern, RecordType child, boolean recordedEdge) {
            this.pattern = pattern;
            this.child = child;
            this.recordedEdge = recordedEdge;
        }

        /**
         * As of a tree size, a child counts once it was recorded by then, and so must the genealogy edge leading
         * to it (a consumption or production recorded later than both its ends). Reference edges (IN, ON, ...)
         * are written with the child that holds the reference, so the child's own sequence number covers them.
         */
        private List<String> recordedBy(AsOf asOf) {
            if (asOf.isCurrent()) {
                // genealogy records are never corrected: what this hides is one a large file's ingest has staged
                return child.isRelationship() ? List.of(Visibility.current("c"))
                        : recordedEdge ? List.of(Visibility.current("r")) : List.of();
            }
            return recordedEdge ? List.of("c.ledgerSeq <= $asOf", "r.ledgerSeq <= $asOf") : List.of("c.ledgerSeq <= $asOf");
        }

        // Edges join version 1 of each record (the anchor); a node child is shown in its version valid at asOf.
        private String version(AsOf asOf) {
            return child.isRelationship() ? " WITH k, c"
                    : " MATCH (v:" + child.graphName() + " {key: c.key}) WHERE " + asOf.predicate("v")
                    + " WITH k, v AS c";
        }

        private String match(AsOf asOf, String... conditions) {
            List<String> where = new ArrayList<>(List.of(conditions));
            where.addAll(recordedBy(asOf));
            return "MATCH " + pattern + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + version(asOf);
        }
    }

    private final GraphDatabase db;

    public Neighbours(GraphDatabase db) {
        this.db = db;
    }

    /** Every current child of each parent (for lists that stay short), ordered by key. */
    public <T extends LedgerRecord> Map<String, List<T>> all(Hop hop, Collection<String> parentKeys) {
        return all(hop, parentKeys, AsOf.CURRENT);
    }

    /** Every child of each parent as the graph stood at {@code asOf}, ordered by key. */
    public <T extends LedgerRecord> Map<String, List<T>> all(Hop hop, Collection<String> parentKeys, AsOf asOf) {
        String cypher = "UNWIND $keys AS k " + hop.match(asOf) + " WITH k, c ORDER BY c.key "
                + "RETURN k, collect(c) AS children";
        Map<String, Object> params = new HashMap<>(asOf.parameters());
        params.put("keys", List.copyOf(parentKeys));
        return fetch(cypher, params, hop.child);
    }

    /** One keyset page of current children per parent (for lists that can be long), in one round trip. */
    public <T extends LedgerRecord> Map<String, Page<T>> page(Hop hop, Collection<String> parentKeys,
                                                            PageRequest request) {
        return page(hop, parentKeys, request, AsOf.CURRENT);
    }

    /** One keyset page of children per parent as the graph stood at {@code asOf}, in one round trip. */
    public <T extends LedgerRecord> Map<String, Page<T>> page(Hop hop, Collection<String> parentKeys,
                                                            PageRequest request, AsOf asOf) {
        String cypher = "UNWIND $keys AS k CALL (k) { " + hop.match(asOf, "c.key > $after")
                + " RETURN c ORDER BY c.key LIMIT $limit } RETURN k, collect(c) AS children";
        Map<String, Object> params = new HashMap<>(asOf.parameters());
        params.putAll(Map.of("keys", List.copyOf(parentKeys), "after", request.afterOrEmpty(),
                "limit", request.first() + 1));
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
