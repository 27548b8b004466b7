package org.batchledger.lineage.genealogy;

import org.batchledger.schema.record.RecordType;

/**
 * The four one-hop expansions of a trace, one per direction and frontier type. The frontier of a hop is all lots
 * or all batches (genealogy alternates), so each query seeks its keys in one label's unique index and expands one
 * relationship type: work per frontier node and per edge is constant.
 */
final class HopQueries {
    private static final String DOWN_FROM_LOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k})-[:CONSUMED_IN]->(n:Batch)
            RETURN k AS from, n.key AS to""";
    private static final String DOWN_FROM_BATCHES = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k})-[:PRODUCED]->(n:Lot)
            RETURN k AS from, n.key AS to""";
    private static final String UP_FROM_LOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k})<-[:PRODUCED]-(n:Batch)
            RETURN k AS from, n.key AS to""";
    private static final String UP_FROM_BATCHES = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k})<-[:CONSUMED_IN]-(n:Lot)
            RETURN k AS from, n.key AS to""";

    private HopQueries() {
    }

    static String from(RecordType frontierType, TraceDirection direction) {
        boolean lots = frontierType == RecordType.LOT;
        return switch (direction) {
            case DOWNSTREAM -> lots ? DOWN_FROM_LOTS : DOWN_FROM_BATCHES;
            case UPSTREAM -> lots ? UP_FROM_LOTS : UP_FROM_BATCHES;
        };
    }

    static RecordType other(RecordType type) {
        return type == RecordType.LOT ? RecordType.BATCH : RecordType.LOT;
    }
}
