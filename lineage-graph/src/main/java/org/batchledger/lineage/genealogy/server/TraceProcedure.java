package org.batchledger.lineage.genealogy.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchledger.lineage.genealogy.Bfs;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TraceLink;
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
        var expansion = new ServerExpansion(tx, asOf);
        if (expansion.start(type, key) == null) {
            return Stream.empty();
        }
        var start = new RecordRef(type, key);
        TraceResult result = Bfs.walk(start, TraceDirection.valueOf(direction), limits, deadline, expansion);
        return Stream.of(reach(result, expansion.work()));
    }

    private static Reach reach(TraceResult result, long work) {
        int n = result.nodes().size();
        var reach = new Reach();
        reach.keys = new ArrayList<>(n);
        reach.lots = new ArrayList<>(n);
        reach.hops = new ArrayList<>(n);
        reach.parents = new ArrayList<>(n);
        Map<RecordRef, Long> index = new HashMap<>(n * 2);
        for (TracedNode node : result.nodes()) {
            index.put(node.ref(), (long) reach.keys.size());
            reach.keys.add(node.ref().key());
            reach.lots.add(node.ref().type() == RecordType.LOT);
            reach.hops.add((long) node.hop());
            reach.parents.add((long) node.parent());
        }
        reach.linkFrom = new ArrayList<>(result.links().size());
        reach.linkTo = new ArrayList<>(result.links().size());
        for (TraceLink link : result.links()) {
            reach.linkFrom.add(index.get(link.from()));
            reach.linkTo.add(index.get(link.to()));
        }
        reach.truncatedBy = result.truncatedBy() == null ? null : result.truncatedBy().name();
        reach.cycle = result.cycleDetected();
        reach.work = work;
        return reach;
    }
}
