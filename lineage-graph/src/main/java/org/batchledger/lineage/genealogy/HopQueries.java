package org.batchledger.lineage.genealogy;

import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordType;

/**
 * The one-hop expansions of a trace, one per direction and frontier type. Each query seeks its keys in one
 * label's unique index and expands one relationship type — for lots of a graph that holds sub-lots also
 * {@code SUBLOT_OF}, in the same expansion (a lot leads downstream to its sub-lots, a sub-lot upstream to its lot):
 * work per frontier node and per edge is constant. A graph without any {@code SUBLOT_OF} edge gets the plain lot
 * queries, which cost 8–16 % fewer db hits per element (TraceIsLinearIT), so plants without sub-lots pay nothing.
 * Edges join the records' anchors (version 1) and are never corrected, so "as of" a tree size only drops edges
 * recorded after it. A {@code SUBLOT_OF} edge is a reference edge without bookkeeping of its own: it exists from
 * the entry of the later of its two anchors, so it is filtered by the neighbour's anchor (the frontier node's is in
 * the trace already).
 */
final class HopQueries {
    private static final String DOWN_FROM_LOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k, version: 1})-[r:CONSUMED_IN]->(n:Batch) WHERE %1$s
            RETURN k AS from, n.key AS to, false AS subLot""";
    private static final String UP_FROM_LOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k, version: 1})<-[r:PRODUCED]-(n:Batch) WHERE %1$s
            RETURN k AS from, n.key AS to, false AS subLot""";
    // a lot's CONSUMED_IN only leaves it and its PRODUCED only enters it; SUBLOT_OF points from sub-lot to lot
    private static final String DOWN_FROM_LOTS_AND_SUBLOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k, version: 1})-[r:CONSUMED_IN|SUBLOT_OF]-(n)
            WHERE CASE type(r) WHEN 'SUBLOT_OF' THEN startNode(r) = n AND n:Lot AND %2$s ELSE n:Batch AND %1$s END
            RETURN k AS from, n.key AS to, type(r) = 'SUBLOT_OF' AS subLot""";
    private static final String DOWN_FROM_BATCHES = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k, version: 1})-[r:PRODUCED]->(n:Lot) WHERE %1$s
            RETURN k AS from, n.key AS to, false AS subLot""";
    private static final String UP_FROM_LOTS_AND_SUBLOTS = """
            UNWIND $keys AS k
            MATCH (:Lot {key: k, version: 1})-[r:PRODUCED|SUBLOT_OF]-(n)
            WHERE CASE type(r) WHEN 'SUBLOT_OF' THEN endNode(r) = n AND n:Lot AND %2$s ELSE n:Batch AND %1$s END
            RETURN k AS from, n.key AS to, type(r) = 'SUBLOT_OF' AS subLot""";
    private static final String UP_FROM_BATCHES = """
            UNWIND $keys AS k
            MATCH (:Batch {key: k, version: 1})<-[r:CONSUMED_IN]-(n:Lot) WHERE %1$s
            RETURN k AS from, n.key AS to, false AS subLot""";

    private HopQueries() {
    }

    private static final String AS_OF = " r.ledgerSeq <= $asOf ";
    // genealogy edges are never corrected: what this hides is an edge a large file's ingest has staged
    private static final String CURRENT = Visibility.current("r");
    private static final String SUBLOT_AS_OF = " n.ledgerSeq <= $asOf ";
    // the neighbour anchor may be corrected (superseded), so not current(): only a staged, unpublished one is hidden
    private static final String SUBLOT_CURRENT = Visibility.published("n");

    /** The hop query; {@code subLots}: the graph holds {@code SUBLOT_OF} edges (else lots expand as before). */
    static String from(RecordType frontierType, TraceDirection direction, AsOf asOf, boolean subLots) {
        boolean lots = frontierType == RecordType.LOT;
        String template = switch (direction) {
            case DOWNSTREAM -> !lots ? DOWN_FROM_BATCHES : subLots ? DOWN_FROM_LOTS_AND_SUBLOTS : DOWN_FROM_LOTS;
            case UPSTREAM -> !lots ? UP_FROM_BATCHES : subLots ? UP_FROM_LOTS_AND_SUBLOTS : UP_FROM_LOTS;
        };
        boolean current = asOf.treeSize() == null;
        return template.formatted(current ? CURRENT : AS_OF, current ? SUBLOT_CURRENT : SUBLOT_AS_OF);
    }
}
