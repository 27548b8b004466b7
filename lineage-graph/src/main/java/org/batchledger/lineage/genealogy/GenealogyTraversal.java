package org.batchledger.lineage.genealogy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Breadth-first genealogy traces ({@link Bfs}): by default in one round trip, run inside the server by the
 * {@code batchledger.trace} procedure; where the server lacks it (an external Neo4j without our plugin), hop by hop
 * over the driver, one {@code UNWIND $keys} query per hop of the whole frontier. Both walk the same edges with the
 * same visited set and give the same answer; neither enumerates paths, so diamonds and supernodes cost their edges
 * once.
 */
public final class GenealogyTraversal {
    private static final Logger LOG = LoggerFactory.getLogger(GenealogyTraversal.class);

    /** The record types a trace starts from and reaches. */
    public static final Set<RecordType> TRACEABLE = Set.of(RecordType.LOT, RecordType.BATCH);
    /** The server-side trace ({@code genealogy.server}, which depends on this package and not the other way). */
    public static final String PROCEDURE = "batchledger.trace";

    /** Time the server gets beyond the budget to stop between hops itself before its transaction is ended. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    // with the start's existence, in the same round trip: whether the graph holds any sub-lot link at all
    private static final String SUBLOTS = " RETURN found, EXISTS { MATCH ()-[:SUBLOT_OF]->() } AS subLots";
    private static final String LOT_EXISTS = """
            MATCH (n:Lot {key: $key, version: 1})
            WHERE ($asOf IS NULL OR n.ledgerSeq <= $asOf) AND""" + Visibility.published("n") + """
            WITH count(n) > 0 AS found""" + SUBLOTS;
    private static final String BATCH_EXISTS = """
            MATCH (n:Batch {key: $key, version: 1})
            WHERE ($asOf IS NULL OR n.ledgerSeq <= $asOf) AND""" + Visibility.published("n") + """
            WITH count(n) > 0 AS found""" + SUBLOTS;
    private static final String SERVER_TRACE = """
            CALL batchledger.trace($label, $key, $direction, $maxHops, $maxNodes, $budgetNanos, $asOf)
            YIELD keys, lots, hops, parents, linkFrom, linkTo, truncatedBy, cycle, work
            RETURN keys, lots, hops, parents, linkFrom, linkTo, truncatedBy, cycle, work""";

    private final GraphDatabase db;
    /** Null until the first trace finds out whether the server has the procedure. */
    private volatile Boolean serverSide;

    public GenealogyTraversal(GraphDatabase db) {
        this(db, null);
    }

    private GenealogyTraversal(GraphDatabase db, Boolean serverSide) {
        this.db = db;
        this.serverSide = serverSide;
    }

    /** Always hop by hop over the driver, as against a server without the procedure. */
    public static GenealogyTraversal hopByHop(GraphDatabase db) {
        return new GenealogyTraversal(db, false);
    }

    /** The current trace, or empty when the start does not exist. */
    public Optional<TraceResult> trace(RecordRef start, TraceDirection direction, TraceLimits limits) {
        return trace(start, direction, limits, AsOf.CURRENT);
    }

    /**
     * The trace over the genealogy as recorded up to a tree size, or empty when the start did not exist then. Past
     * the time budget it stops between hops and is flagged DEADLINE; if the server has to end it mid-hop, the answer
     * is the start alone, flagged DEADLINE.
     */
    public Optional<TraceResult> trace(RecordRef start, TraceDirection direction, TraceLimits limits, AsOf asOf) {
        return walk(start, direction, limits, asOf, false).map(Profiled::result);
    }

    /**
     * The trace with the work it cost: the server-side walk's count of node lookups, relationships read and
     * neighbours checked, or the summed database hits of the PROFILEd hop queries — the evidence that it is linear.
     */
    public Optional<Profiled> profile(RecordRef start, TraceDirection direction, TraceLimits limits) {
        return walk(start, direction, limits, AsOf.CURRENT, true);
    }

    public record Profiled(TraceResult result, long dbHits) {
    }

    private Optional<Profiled> walk(RecordRef start, TraceDirection direction, TraceLimits limits, AsOf asOf,
                                    boolean profileHops) {
        requireTraceable(start);
        if (!Boolean.FALSE.equals(serverSide)) {
            Optional<Profiled> onServer = onServer(start, direction, limits, asOf);
            if (onServer != null) {
                return onServer;
            }
        }
        return db.read(tx -> {
            Record found = exists(tx, start, asOf);
            return found.get("found").asBoolean() ? Optional.of(hopByHop(tx, start, direction, limits,
                    new Expansion(tx, profileHops, asOf, found.get("subLots").asBoolean()))) : Optional.empty();
        });
    }

    /** The trace by the server's procedure; null when the server has none (remembered from then on). */
    private Optional<Profiled> onServer(RecordRef start, TraceDirection direction, TraceLimits limits, AsOf asOf) {
        Map<String, Object> params = new HashMap<>();
        params.put("label", start.type().graphName());
        params.put("key", start.key());
        params.put("direction", direction.name());
        params.put("maxHops", limits.maxHops());
        params.put("maxNodes", limits.maxNodes());
        params.put("budgetNanos", limits.timeBudget().toNanos());
        params.put("asOf", asOf.treeSize());
        List<Record> rows;
        try {
            rows = db.read(tx -> tx.run(SERVER_TRACE, params).list(), limits.timeBudget().plus(GRACE));
        } catch (RuntimeException e) {
            if (GraphDatabase.isTimeout(e)) {
                return db.read(tx -> exists(tx, start, asOf).get("found").asBoolean())
                        ? Optional.of(new Profiled(deadlineReached(start, direction, limits), 0)) : Optional.empty();
            }
            if (e instanceof Neo4jException n && "Neo.ClientError.Procedure.ProcedureNotFound".equals(n.code())) {
                LOG.info("Neo4j has no {} procedure; traces walk hop by hop over the driver", PROCEDURE);
                serverSide = false;
                return null;
            }
            throw e;
        }
        serverSide = true;
        return rows.isEmpty() ? Optional.empty() : Optional.of(result(start, direction, limits, rows.getFirst()));
    }

    private static Profiled result(RecordRef start, TraceDirection direction, TraceLimits limits, Record row) {
        List<Object> keys = row.get("keys").asList();
        List<Object> lots = row.get("lots").asList();
        List<Object> hops = row.get("hops").asList();
        List<Object> parents = row.get("parents").asList();
        List<TracedNode> nodes = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            RecordType type = (Boolean) lots.get(i) ? RecordType.LOT : RecordType.BATCH;
            nodes.add(new TracedNode(new RecordRef(type, (String) keys.get(i)), ((Long) hops.get(i)).intValue(),
                    ((Long) parents.get(i)).intValue()));
        }
        List<Object> from = row.get("linkFrom").asList();
        List<Object> to = row.get("linkTo").asList();
        List<TraceLink> links = new ArrayList<>(from.size());
        for (int i = 0; i < from.size(); i++) {
            links.add(new TraceLink(nodes.get(((Long) from.get(i)).intValue()).ref(),
                    nodes.get(((Long) to.get(i)).intValue()).ref()));
        }
        Value cut = row.get("truncatedBy");
        var result = new TraceResult(start, direction, limits, nodes, links,
                cut.isNull() ? null : Truncation.valueOf(cut.asString()), row.get("cycle").asBoolean());
        return new Profiled(result, row.get("work").asLong());
    }

    private static Profiled hopByHop(Tx tx, RecordRef start, TraceDirection direction, TraceLimits limits,
                                     Expansion expansion) {
        long deadline = System.nanoTime() + limits.timeBudget().toNanos();
        return new Profiled(Bfs.walk(start, direction, limits, deadline, expansion), expansion.dbHits());
    }

    private static void requireTraceable(RecordRef start) {
        if (!TRACEABLE.contains(start.type())) {
            throw new IllegalArgumentException(start.type().graphName() + " is not traceable; traces start at a Lot or Batch");
        }
    }

    /** The answer when the time budget ran out before the genealogy could be walked: the start, flagged. */
    private static TraceResult deadlineReached(RecordRef start, TraceDirection direction, TraceLimits limits) {
        return new TraceResult(start, direction, limits, java.util.List.of(new TracedNode(start, 0, -1)),
                java.util.List.of(), Truncation.DEADLINE, false);
    }

    /** One row: {@code found} (the start exists as of the size) and {@code subLots} (the graph has sub-lot links). */
    private static Record exists(Tx tx, RecordRef start, AsOf asOf) {
        String cypher = start.type() == RecordType.LOT ? LOT_EXISTS : BATCH_EXISTS;
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("key", start.key());
        params.put("asOf", asOf.treeSize());
        return tx.run(cypher, params).single();
    }
}
