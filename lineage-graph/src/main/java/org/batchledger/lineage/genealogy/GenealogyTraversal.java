package org.batchledger.lineage.genealogy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.query.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Breadth-first genealogy traces in one read transaction: one {@code UNWIND $keys} query per hop of the whole
 * frontier, the visited set in memory. Never enumerates paths, so diamonds and supernodes cost their edges once.
 */
public final class GenealogyTraversal {
    /** The record types a trace starts from and reaches. */
    public static final Set<RecordType> TRACEABLE = Set.of(RecordType.LOT, RecordType.BATCH);

    private static final String LOT_EXISTS = """
            MATCH (n:Lot {key: $key, version: 1}) WHERE $asOf IS NULL OR n.ledgerSeq <= $asOf
            RETURN count(n) > 0 AS found""";
    private static final String BATCH_EXISTS = """
            MATCH (n:Batch {key: $key, version: 1}) WHERE $asOf IS NULL OR n.ledgerSeq <= $asOf
            RETURN count(n) > 0 AS found""";

    private final GraphDatabase db;

    public GenealogyTraversal(GraphDatabase db) {
        this.db = db;
    }

    /** The current trace, or empty when the start does not exist. */
    public Optional<TraceResult> trace(RecordRef start, TraceDirection direction, TraceLimits limits) {
        return trace(start, direction, limits, AsOf.CURRENT);
    }

    /** The trace over the genealogy as recorded up to a tree size, or empty when the start did not exist then. */
    public Optional<TraceResult> trace(RecordRef start, TraceDirection direction, TraceLimits limits, AsOf asOf) {
        return db.read(tx -> exists(tx, start, asOf)
                ? Optional.of(run(tx, start, direction, limits, new Expansion(tx, false, asOf)).result())
                : Optional.empty());
    }

    /** The trace with the summed database hits of its PROFILEd hop queries: the evidence that it is linear. */
    public Optional<Profiled> profile(RecordRef start, TraceDirection direction, TraceLimits limits) {
        return db.read(tx -> exists(tx, start, AsOf.CURRENT)
                ? Optional.of(run(tx, start, direction, limits, new Expansion(tx, true, AsOf.CURRENT)))
                : Optional.empty());
    }

    public record Profiled(TraceResult result, long dbHits) {
    }

    private static boolean exists(Tx tx, RecordRef start, AsOf asOf) {
        if (!TRACEABLE.contains(start.type())) {
            throw new IllegalArgumentException(start.type().graphName() + " is not traceable; traces start at a Lot or Batch");
        }
        String cypher = start.type() == RecordType.LOT ? LOT_EXISTS : BATCH_EXISTS;
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("key", start.key());
        params.put("asOf", asOf.treeSize());
        return tx.run(cypher, params).single().get("found").asBoolean();
    }

    private static Profiled run(Tx tx, RecordRef start, TraceDirection direction, TraceLimits limits,
                                Expansion expansion) {
        var bfs = new Bfs(start, direction);
        long deadline = System.nanoTime() + limits.timeBudget().toNanos();
        Truncation cut = null;
        for (int hop = 0; cut == null && !bfs.frontierEmpty(); hop++) {
            if (System.nanoTime() - deadline > 0) {
                cut = Truncation.DEADLINE;
                break;
            }
            Bfs.Fresh fresh = bfs.absorb(expansion.expand(bfs.frontierKeys(), bfs.frontierType(), direction));
            if (hop == limits.maxHops()) {
                cut = fresh.isEmpty() ? null : Truncation.HOP_LIMIT;
                break;
            }
            int room = limits.maxNodes() - bfs.size();
            cut = fresh.sources().size() > room ? Truncation.NODE_BUDGET : null;
            bfs.advance(fresh, room, hop + 1);
        }
        if (cut == Truncation.NODE_BUDGET && !bfs.frontierEmpty()) {
            // the last, partly kept hop is not expanded further; still link it to the nodes already reached
            bfs.absorb(expansion.expand(bfs.frontierKeys(), bfs.frontierType(), direction));
        }
        return new Profiled(bfs.result(start, limits, cut), expansion.dbHits());
    }
}
