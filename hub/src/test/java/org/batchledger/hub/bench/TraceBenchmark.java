package org.batchledger.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;

/**
 * REQ-PERF-006, Performance. For a median-reach lot, a p99-reach lot and the supernode (the lot with the most
 * consumers) prints the median time of a full downstream trace three ways: (a) BFS over CSR arrays in memory,
 * (b) {@link GenealogyTraversal} via the driver, (c) the GraphQL request over HTTP to the hub in this JVM (trace
 * cache off, first page of 100 nodes with paths). Sizes: {@code -Dbench.size=LARGE} (default) or a batch count.
 */
@Tag("benchmark")
@Tag("REQ-PERF-006")
class TraceBenchmark {
    static final Path DIR = Path.of(System.getProperty("bench.dir", "target/bench-data"));
    static final PlantSize SIZE = PlantSize.parse(System.getProperty("bench.size", "LARGE"));
    static final int HOPS = TraceLimits.MAX_HOPS;
    static final String QUERY = "query($from: ID!) { trace(from: $from, direction: DOWNSTREAM, maxHops: 50, "
            + "maxNodes: 1000000) { complete nodeCount nodes(first: 100) { edges { node { id hop path } } } } }";

    record Start(String label, String key, int reach) {
    }

    @Test
    void traceFiguresSideBySide() throws Exception {
        double load = BenchPlant.ensureLoaded(DIR, SIZE);
        BenchPlant.migrate(DIR);
        var csr = new Csr(SyntheticPlant.of(BenchPlant.SEED, SIZE).genealogyEdges().toList());
        List<Start> starts = starts(csr);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(DIR.resolve("neo4j"), 0);
             var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            var db = new GraphDatabase(driver, "neo4j");
            var counts = db.read(tx -> tx.run("MATCH (n) RETURN count(n) AS n", Map.of()).single().get("n").asLong());
            var rels = db.read(tx -> tx.run("MATCH ()-[r]->() RETURN count(r) AS n", Map.of()).single().get("n").asLong());
            try (var hub = hub(neo4j)) {
                int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
                var http = new GraphQlHttp(port);
                String token = TestTokens.shared().forUser("bench", "inspector");
                // the fixed costs under every trace: one empty read transaction, one minimal GraphQL request
                var emptyRead = Timing.median(500, 501, () -> db.read(tx -> tx.run("RETURN 1 AS one", Map.of())
                        .single().get("one").asInt()));
                var emptyRequest = Timing.median(500, 501, () -> http.post(token, "{ __typename }").hasErrors() ? 0 : 1);
                List<String> rows = new ArrayList<>();
                for (Start s : starts) {
                    rows.add(measure(s, csr, new GenealogyTraversal(db), GenealogyTraversal.hopByHop(db), http, token));
                }
                report(load, counts, rels, csr, rows, emptyRead.medianMillis(), emptyRequest.medianMillis());
            }
        }
    }

    private static String measure(Start s, Csr csr, GenealogyTraversal traversal, GenealogyTraversal hopByHop,
                                  GraphQlHttp http, String token) {
        int id = csr.ids.get(s.key());
        RecordRef ref = new RecordRef(RecordType.LOT, s.key());
        TraceLimits limits = TraceLimits.of(HOPS, TraceLimits.MAX_NODES);
        var a = Timing.median(5, 21, () -> csr.reach(id, HOPS));
        var hops = Timing.median(3, 9, () -> hopByHop.trace(ref, TraceDirection.DOWNSTREAM, limits).orElseThrow()
                .nodes().size());
        Timing.Result[] bc = Timing.interleaved(30, 31,
                () -> traversal.trace(ref, TraceDirection.DOWNSTREAM, limits).orElseThrow().nodes().size(),
                () -> {
                    var r = http.post(token, QUERY, java.util.Map.of("from", ref.toString()));
                    assertThat(r.hasErrors()).as(String.valueOf(r.body())).isFalse();
                    return r.body().getJsonObject("data").getJsonObject("trace").getInt("nodeCount");
                });
        var b = bc[0];
        var c = bc[1];
        assertThat(b.value()).isEqualTo(a.value()).isEqualTo(c.value()).isEqualTo(hops.value());
        return "| %s | `%s` | %,d | %.4f | %.2f | %.1f | %.2f | %.2f | %,.0f |".formatted(s.label(), s.key(), a.value(),
                a.medianMillis(), b.medianMillis(), hops.medianMillis(), c.medianMillis(), c.medianMillis() / b.medianMillis(),
                b.medianMillis() / a.medianMillis());
    }

    /** Median and p99 downstream reach among 2,001 sampled lots, and the supernode: the suite's choice ({@link Starts}). */
    private static List<Start> starts(Csr csr) {
        return Starts.of(csr, csr.reversed(), null, null).stream()
                .filter(s -> s.direction() == TraceDirection.DOWNSTREAM && !s.label().startsWith("reach ≈"))
                .map(s -> new Start(s.label(), s.key(), s.reach())).toList();
    }

    static org.springframework.context.ConfigurableApplicationContext hub(EmbeddedNeo4j neo4j) {
        return BenchPlant.hub(neo4j, DIR);
    }

    private static void report(double load, long nodes, long rels, Csr csr, List<String> rows, double emptyRead,
                               double emptyRequest) throws Exception {
        String loadText = load > 0 ? "%.0f s (this run)".formatted(load) : Files.readString(BenchPlant.marker(DIR, SIZE)).strip()
                + " (earlier run; data dir reused)";
        String text = """
                Plant: seed %d, %s (%,d batches) — %,d nodes, %,d relationships in Neo4j; %,d genealogy nodes, %,d genealogy edges.
                Load through the write path: %s.
                Machine: %d cores, max heap %,d MB, JDK %s; load average at the end %s.
                Fixed costs: an empty read transaction (`RETURN 1`) via the driver %.2f ms; `{ __typename }` over HTTP %.2f ms.

                | start | lot | reached nodes | (a) CSR BFS ms | (b) hub trace via driver (server-side walk, one round trip) ms | hop by hop via driver ms | (c) GraphQL over HTTP ms | (c)/(b) | (b)/(a) |
                |---|---|---|---|---|---|---|---|---|
                %s
                """.formatted(BenchPlant.SEED, SIZE.name(), SIZE.batches(), nodes, rels, csr.nodes(), csr.targets.length,
                loadText, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), Files.readString(Path.of("/proc/loadavg")).strip(), emptyRead,
                emptyRequest, String.join("\n", rows));
        System.out.println(text);
        Files.writeString(Path.of("target/trace-bench.md"), text);
    }
}
