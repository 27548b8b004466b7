package org.batchledger.lineage.ledger.verify;

import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordType;

/**
 * A verification checks the ledger up to the head it started at, while writes go on. The elements of entries
 * committed since ({@code head < ledgerSeq <= now}) are counted as accounted for, not checked: the next run checks
 * them. Anything past the current head is still extra.
 */
final class LaterWrites {
    // an ingest's staged chunks (beyond the head, under its lease) are writes in flight like any other
    private static final String HEAD = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.stagedSeq, h.seq, 0) AS seq""";
    private static final String NODES = """
            MATCH (n:%s) WHERE n.ledgerSeq > $head AND n.ledgerSeq <= $now
            OPTIONAL MATCH (n)-[r]->() WHERE NOT type(r) IN $genealogy
            RETURN count(DISTINCT n) AS nodes, collect(type(r)) AS edges""";
    private static final String RELATIONSHIPS = """
            MATCH ()-[r:%s]->() WHERE r.ledgerSeq > $head AND r.ledgerSeq <= $now RETURN count(r) AS n""";

    private LaterWrites() {
    }

    static long head(Tx tx) {
        return tx.run(HEAD, Map.of()).single().get("seq").asLong();
    }

    /** Adds the elements of entries {@code head+1..now} to {@code expected}. */
    static void add(Tx tx, long head, long now, ExpectedCounts expected) {
        Map<String, Object> params = Map.of("head", head, "now", now,
                "genealogy", List.copyOf(StoreCounts.GENEALOGY_TYPES));
        for (RecordType type : RecordType.values()) {
            if (type.isRelationship()) {
                expected.relationships(type.graphName(), tx.run(RELATIONSHIPS.formatted(type.graphName()), params)
                        .single().get("n").asLong());
            } else {
                var row = tx.run(NODES.formatted(type.graphName()), params).single();
                expected.nodes(type.graphName(), row.get("nodes").asLong());
                row.get("edges").asList(v -> v.asString()).forEach(expected::relationship);
            }
        }
    }
}
