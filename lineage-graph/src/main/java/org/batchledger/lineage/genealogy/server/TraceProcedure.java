package org.batchledger.lineage.genealogy.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.batchledger.lineage.genealogy.Bfs;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * {@code CALL batchledger.trace(...)}: the breadth-first trace of {@link Bfs} run inside the server, so it costs one
 * round trip instead of one per hop. The answer is one row of parallel lists (nodes in (hop, key) order with parent
 * indexes; links as index pairs), compact on the wire however large the trace.
 */
public class TraceProcedure {
    public static final String NAME = GenealogyTraversal.PROCEDURE;

    @Context
    public Transaction tx;

    /** One trace; public fields, as Neo4j maps procedure output by field. */
    public static class Reach {
        public List<String> keys;
        public List<Boolean> lots;
        public List<Long> hops;
        public List<Long> parents;
        public List<Long> linkFrom;
        public List<Long> linkTo;
        public String truncatedBy;
        public boolean cycle;
        public long work;

        public Reach() {
        }
    }

    @Procedure(name = NAME, mode = Mode.READ)
    @Description("Breadth-first genealogy trace from a Lot or Batch: every reached node once with its hop and one "
            + "shortest path (parent index), the links among them, and why it stopped early, if it did.")
    public Stream<Reach> trace(@Name("label") String label, @Name("key") String key,
                               @Name("direction") String direction, @Name("maxHops") long maxHops,
                               @Name("maxNodes") long maxNodes, @Name("budgetNanos") long budgetNanos,
                               @Name(value = "asOf", defaultValue = "null") Long asOf) {
        RecordType type = RecordType.ofGraphName(label);
        var limits = new TraceLimits(Math.toIntExact(maxHops), Math.toIntExact(maxNodes), Duration.ofNanos(budgetNanos));
        long deadline = System.nanoTime() + limits.timeBudget().toNanos();
        long leases = ServerExpansion.leaseState(tx);
        Reach reach = walk(type, key, TraceDirection.valueOf(direction), limits, deadline, asOf, leases >= 0);
        if (reach != null && leases >= 0 && ServerExpansion.leaseState(tx) != leases) {
            // an ingest lease was taken while the trace ran: walk again, hiding what it staged
            reach = walk(type, key, TraceDirection.valueOf(direction), limits, deadline, asOf, false);
        }
        return reach == null ? Stream.empty() : Stream.of(reach);
    }

    /** The trace, or null when the start does not exist (as of the tree size). */
    private Reach walk(RecordType type, String key, TraceDirection direction, TraceLimits limits, long deadline,
                       Long asOf, boolean noneStaged) {
        var expansion = new ServerExpansion(tx, asOf, noneStaged);
        if (expansion.start(type, key) == null) {
            return null;
        }
        Bfs.Indexed walk = Bfs.walkIndexed(new RecordRef(type, key), direction, limits, deadline, expansion);
        return reach(walk, expansion.work());
    }

    private static Reach reach(Bfs.Indexed walk, long work) {
        TraceResult result = walk.result();
        int n = result.nodes().size();
        var reach = new Reach();
        reach.keys = new ArrayList<>(n);
        reach.lots = new ArrayList<>(n);
        reach.hops = new ArrayList<>(n);
        reach.parents = new ArrayList<>(n);
        for (TracedNode node : result.nodes()) {
            reach.keys.add(node.ref().key());
            reach.lots.add(node.ref().type() == RecordType.LOT);
            reach.hops.add((long) node.hop());
            reach.parents.add((long) node.parent());
        }
        int[] links = walk.links();
        reach.linkFrom = new ArrayList<>(links.length / 2);
        reach.linkTo = new ArrayList<>(links.length / 2);
        for (int i = 0; i < links.length; i += 2) {
            reach.linkFrom.add((long) links[i]);
            reach.linkTo.add((long) links[i + 1]);
        }
        reach.truncatedBy = result.truncatedBy() == null ? null : result.truncatedBy().name();
        reach.cycle = result.cycleDetected();
        reach.work = work;
        return reach;
    }
}
