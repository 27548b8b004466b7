package org.batchledger.lineage.genealogy;

import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordType;

/**
 * The four one-hop expansions of a trace, one per direction and frontier type. The frontier of a hop is all lots
 * or all batches (genealogy alternates), so each query seeks its keys in one label's unique index and expands one
 * relationship type: work per frontier node and per edge is constant. Edges join the records' anchors (version 1)
 * and are never corrected, so "as of" a tree size only drops edges recorded after it.
 */
final class HopQueries {
    private static final String DOWN_FROM_LOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k, version: 1})-[r:CONSUMED_IN]->(n:Batch)%s
            RETURN k AS from, n.key AS to""";
    private static final String DOWN_FROM_BATCHES = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k, version: 1})-[r:PRODUCED]->(n:Lot)%s
            RETURN k AS from, n.key AS to""";
    private static final String UP_FROM_LOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k, version: 1})<-[r:PRODUCED]-(n:Batch)%s
            RETURN k AS from, n.key AS to""";
    private static final String UP_FROM_BATCHES = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k, version: 1})<-[r:CONSUMED_IN]-(n:Lot)%s
            RETURN k AS from, n.key AS to""";

    private HopQueries() {
    }

    private static final String AS_OF = " WHERE r.ledgerSeq <= $asOf";
    // genealogy edges are never corrected: what this hides is an edge a large file's ingest has staged
    private static final String CURRENT = " WHERE" + Visibility.current("r");

    static String from(RecordType frontierType, TraceDirection direction, AsOf asOf) {
        boolean lots = frontierType == RecordType.LOT;
        String template = switch (direction) {
            case DOWNSTREAM -> lots ? DOWN_FROM_LOTS : DOWN_FROM_BATCHES;
            case UPSTREAM -> lots ? UP_FROM_LOTS : UP_FROM_BATCHES;
        };
        return template.formatted(asOf.treeSize() == null ? CURRENT : AS_OF);
    }
}
