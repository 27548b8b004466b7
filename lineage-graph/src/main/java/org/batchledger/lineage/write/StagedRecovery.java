package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.IngestLease;
import org.batchledger.lineage.ledger.tile.TileTruncation;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordType;

/**
 * What recovering an ingest lease removes, as steps of bounded transactions: every record element with a
 * {@code ledgerSeq} beyond the committed head (only a lease's staged chunks write there, and no other write runs
 * while it is held), the work-list rows the chunks kept, and the bundles and tiles beyond the head. Each step is
 * idempotent, so a crash during recovery is recovered by running it again (the lease stays until the last step).
 */
final class StagedRecovery {
    private static final int LIMIT = 5_000;
    private static final int TILE_LIMIT = 200;
    private static final String LEASE = """
            MATCH (h:LedgerHead {id: 'main'}) WHERE h.ingestKey IS NOT NULL
            RETURN h.ingestKey AS key, h.ingestFile AS file, h.ingestOwner AS owner, h.ingestSince AS since,
                   h.ingestRenewedAt AS renewedAt, h.ingestChunks AS chunks, h.seq AS seq, h.stagedSeq AS stagedSeq,
                   h.stagedHash AS stagedHash, h.stagedRoot AS stagedRoot""";
    private static final String NODES = """
            MATCH (n:%s) WHERE n.ledgerSeq > $committed WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n""";
    private static final String RELATIONSHIPS = """
            MATCH ()-[r:%s]->() WHERE r.ledgerSeq > $committed WITH r LIMIT $limit DELETE r RETURN count(*) AS n""";
    private static final String WORK_LIST = """
            MATCH (p:PendingReference) WHERE p.staged > $committed OR p.staged = true
            WITH p LIMIT $limit DELETE p RETURN count(*) AS n""";

    private StagedRecovery() {
    }

    /** One bounded transaction's work; {@code repeats}: run it again until it removes nothing. */
    interface Step {
        long run(Tx tx);

        default boolean repeats() {
            return true;
        }
    }

    static IngestLease lease(Tx tx) {
        var result = tx.run(LEASE, Map.of());
        if (!result.hasNext()) {
            return null;
        }
        var r = result.single();
        return new IngestLease(r.get("key").asString(), r.get("file").asString(), r.get("owner").asString(),
                r.get("since").asLong(), r.get("renewedAt").asLong(), r.get("chunks").asInt(), r.get("seq").asLong(),
                r.get("stagedSeq").asLong(), r.get("stagedHash").asString(), r.get("stagedRoot").asString());
    }

    static List<Step> steps(long committed) {
        Map<String, Object> params = Map.of("committed", committed, "limit", LIMIT);
        List<Step> steps = new ArrayList<>();
        // relationships first, so each node's DETACH has only its reference edges left to remove
        for (RecordType type : RecordType.values()) {
            if (type.isRelationship()) {
                steps.add(tx -> count(tx, RELATIONSHIPS.formatted(type.graphName()), params));
            }
        }
        for (RecordType type : RecordType.values()) {
            if (!type.isRelationship()) {
                steps.add(tx -> count(tx, NODES.formatted(type.graphName()), params));
            }
        }
        steps.add(tx -> count(tx, WORK_LIST, params));
        steps.add(tx -> TileTruncation.deleteBeyond(tx, committed, TILE_LIMIT));
        steps.add(new Step() {
            @Override
            public long run(Tx tx) {
                return TileTruncation.cutRightEdge(tx, committed);
            }

            @Override
            public boolean repeats() {
                return false;
            }
        });
        return steps;
    }

    private static long count(Tx tx, String cypher, Map<String, Object> params) {
        return tx.run(cypher, params).single().get("n").asLong();
    }
}
