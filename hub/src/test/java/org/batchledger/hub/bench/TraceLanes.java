package org.batchledger.hub.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The same trace (a lot, a direction, 50 hops) five ways, each answering the number of reached nodes, start
 * included: (a) BFS over CSR arrays in memory, (b) the hub's trace through the driver, (c) the GraphQL request over
 * HTTP, (d) PostgreSQL {@code WITH RECURSIVE} in its best and common forms, (e) the Cypher a Neo4j user writes first.
 */
final class TraceLanes {
    static final int HOPS = TraceLimits.MAX_HOPS;
    static final String QUERY = "query($from: ID!, $dir: TraceDirection!) { trace(from: $from, direction: $dir, "
            + "maxHops: 50, maxNodes: 1000000) { complete nodeCount nodes(first: 100) { edges { node { id hop path } } } } }";
    /** Bounded, with DISTINCT: what the Cypher manual's variable-length patterns lead a user to. */
    private static final String CYPHER_DOWN = """
            MATCH (s:Lot {key: $key})-[:CONSUMED_IN|PRODUCED*1..50]->(n)
            RETURN DISTINCT n.key AS key""";
    private static final String CYPHER_UP = """
            MATCH (s:Lot {key: $key})<-[:CONSUMED_IN|PRODUCED*1..50]-(n)
            RETURN DISTINCT n.key AS key""";

    enum Lane {
        BFS("(a) in-memory BFS (CSR)", "(a) BFS in memory"),
        DRIVER("(b) hub trace via driver", "(b) hub via driver"),
        GRAPHQL("(c) GraphQL over HTTP", "(c) GraphQL over HTTP"),
        PG_BEST("(d) PostgreSQL WITH RECURSIVE, best (UNION over ids)", "(d) PostgreSQL best (UNION)"),
        PG_COMMON("(d') PostgreSQL WITH RECURSIVE, common (UNION ALL + path array + hops)",
                "(d') PostgreSQL common (path array)"),
        CYPHER("(e) plain Cypher, *1..50 + DISTINCT", "(e) Cypher *1..50 DISTINCT");

        final String title;
        final String legend;

        Lane(String title, String legend) {
            this.title = title;
            this.legend = legend;
        }
    }

    private final Csr down;
    private final Csr up;
    private final GraphDatabase db;
    private final GenealogyTraversal traversal;
    private final GraphQlHttp http;
    private final String token;
    private final PgGenealogy pg;
    private final Measure.Plan plan;

    TraceLanes(Csr down, Csr up, GraphDatabase db, GraphQlHttp http, String token, PgGenealogy pg, Measure.Plan plan) {
        this.down = down;
        this.up = up;
        this.db = db;
        this.traversal = new GenealogyTraversal(db);
        this.http = http;
        this.token = token;
        this.pg = pg;
        this.plan = plan;
        if (pg != null) {
            pg.timeout(plan.timeoutMillis());
        }
    }

    /** Every lane not in {@code skip} for one start; lanes run one after the other, each warmed up on its own. */
    Map<Lane, Measure.Figure> measure(String key, TraceDirection direction, java.util.Set<Lane> skip) {
        Map<Lane, Measure.Figure> figures = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            if (skip.contains(lane) || (pg == null && (lane == Lane.PG_BEST || lane == Lane.PG_COMMON))) {
                continue;
            }
            Measure.Figure f = lane == Lane.BFS ? bfs(key, direction) : Measure.run(plan, () -> once(lane, key,
                    direction));
            figures.put(lane, f);
        }
        return figures;
    }

    /** JMH in this JVM (see {@link BfsKernel}); the suite's own loop, said so in the note, where JMH cannot run. */
    private Measure.Figure bfs(String key, TraceDirection direction) {
        Csr csr = direction == TraceDirection.DOWNSTREAM ? down : up;
        int id = csr.ids.get(key);
        long t0 = System.nanoTime();
        int reach = csr.reach(id, HOPS);
        double first = (System.nanoTime() - t0) / 1e6;
        try {
            var f = BfsKernel.measure(csr, id, Math.min(2, plan.budgetSeconds() / 4));
            return new Measure.Figure(first, f.ms(), f.median(), f.p99(), f.runs(), f.value(), f.loadBefore(),
                    f.loadAfter(), f.note());
        } catch (org.openjdk.jmh.runner.RunnerException | RuntimeException e) {
            // about 50 µs of work per timed run, so that the clock's resolution does not dominate small traces
            int repeat = Math.max(1, 50_000 / Math.max(1, reach));
            var f = Measure.run(plan, repeat, () -> csr.reach(id, HOPS));
            return new Measure.Figure(f.firstMs(), f.ms(), f.median(), f.p99(), f.runs(), f.value(), f.loadBefore(),
                    f.loadAfter(), "JMH failed (%s): own loop, %d calls per run".formatted(e, repeat));
        }
    }

    int once(Lane lane, String key, TraceDirection direction) {
        return switch (lane) {
            case BFS -> (direction == TraceDirection.DOWNSTREAM ? down : up).reach(down.ids.get(key), HOPS);
            case DRIVER -> traversal.trace(new RecordRef(RecordType.LOT, key), direction,
                    TraceLimits.of(HOPS, TraceLimits.MAX_NODES)).orElseThrow().nodes().size();
            case GRAPHQL -> graphQl(key, direction);
            case PG_BEST -> pg.best(key, direction);
            case PG_COMMON -> pg.common(key, direction, HOPS);
            case CYPHER -> cypher(key, direction);
        };
    }

    private int graphQl(String key, TraceDirection direction) {
        var r = http.post(token, QUERY, Map.of("from", new RecordRef(RecordType.LOT, key).toString(), "dir",
                direction.name()));
        if (r.hasErrors() || r.status() != 200) {
            throw new IllegalStateException("GraphQL trace of " + key + ": " + r.status() + " " + r.body());
        }
        return r.body().getJsonObject("data").getJsonObject("trace").getInt("nodeCount");
    }

    private int cypher(String key, TraceDirection direction) {
        String q = direction == TraceDirection.DOWNSTREAM ? CYPHER_DOWN : CYPHER_UP;
        try {
            // the start is not among the *1..50 matches: + 1, as the other lanes count it
            return db.read(tx -> tx.run(q, Map.of("key", key)).list(r -> r.get("key").asString()).size() + 1,
                    Duration.ofMillis(plan.timeoutMillis()));
        } catch (RuntimeException e) {
            if (GraphDatabase.isTimeout(e)) {
                throw new Measure.TimedOut();
            }
            throw e;
        }
    }

    /** The fixed costs under every trace: one empty read transaction, one minimal GraphQL request. */
    Measure.Figure emptyRead() {
        return Measure.run(plan, () -> db.read(tx -> tx.run("RETURN 1 AS one", Map.of()).single().get("one").asInt()));
    }

    Measure.Figure emptyRequest() {
        return Measure.run(plan, () -> http.post(token, "{ __typename }").hasErrors() ? 0 : 1);
    }
}
