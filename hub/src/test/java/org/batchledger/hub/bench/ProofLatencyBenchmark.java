package org.batchledger.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;

/**
 * REQ-PERF-008, Performance: inclusion proof latency on the benchmark plant's ledger (millions of
 * entries), for random entries against the current tree size — via the driver ({@link LedgerProofs}) and as the
 * full GraphQL request over HTTP, with the fixed cost of a minimal GraphQL request beside them.
 */
@Tag("benchmark")
@Tag("REQ-PERF-008")
class ProofLatencyBenchmark {
    static final int RUNS = Integer.getInteger("bench.proofs", 2_000);

    @Test
    void inclusionProofLatency() throws Exception {
        BenchPlant.ensureLoaded(TraceBenchmark.DIR, TraceBenchmark.SIZE);
        BenchPlant.migrate(TraceBenchmark.DIR);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(TraceBenchmark.DIR.resolve("neo4j"), 0);
             var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
             var hub = BenchPlant.hub(neo4j, TraceBenchmark.DIR)) {
            var db = new GraphDatabase(driver, "neo4j");
            var http = new GraphQlHttp(Integer.parseInt(hub.getEnvironment().getProperty("local.server.port")));
            String token = TestTokens.shared().forUser("bench", "inspector");
            var f = figures(db, http, token, new Measure.Plan(RUNS / 4, RUNS, 600, 0));
            String text = """
                    Ledger of %,d entries (benchmark plant); %,d random entries each, after %,d warm-ups; load average %s.

                    | request | median ms | p95 ms | p99 ms |
                    |---|---|---|---|
                    | inclusion proof via the driver (`LedgerProofs`) | %s |
                    | `inclusionProof` over GraphQL/HTTP | %s |
                    | `{ __typename }` over GraphQL/HTTP (fixed cost) | %s |
                    """.formatted(db.read(LedgerHead::read).treeSize(), RUNS, RUNS / 4,
                    Files.readString(Path.of("/proc/loadavg")).strip(), stats(f.get(DRIVER).ms()),
                    stats(f.get(GRAPHQL).ms()), stats(f.get(MINIMAL).ms()));
            System.out.println(text);
            Files.writeString(Path.of("target/proof-bench.md"), text);
        }
    }

    static final String DRIVER = "inclusion proof via the driver (LedgerProofs, from the tiles)";
    static final String GRAPHQL = "inclusionProof over GraphQL/HTTP";
    static final String MINIMAL = "{ __typename } over GraphQL/HTTP (fixed cost)";

    /** Proofs for random entries (fixed seed) against the current tree size: via the driver, over GraphQL, and the fixed cost. */
    static java.util.Map<String, Measure.Figure> figures(GraphDatabase db, GraphQlHttp http, String token,
                                                         Measure.Plan plan) {
        long size = db.read(LedgerHead::read).treeSize();
        var proofs = new LedgerProofs(db);
        Random random = new Random(7);
        var out = new java.util.LinkedHashMap<String, Measure.Figure>();
        out.put(DRIVER, Measure.run(plan, () -> proofs.inclusion(1 + (long) (random.nextDouble() * size), size)
                .hashes().isEmpty() && size > 1 ? 0 : 1));
        out.put(GRAPHQL, Measure.run(plan, () -> {
            long seq = 1 + (long) (random.nextDouble() * size);
            // as a client sends it: one document, the entry in variables
            var r = http.post(token, "query($seq: Int!, $size: Int) { inclusionProof(seq: $seq, treeSize: $size) "
                    + "{ leafIndex rootHash hashes } }", jakarta.json.Json.createObjectBuilder().add("seq", seq)
                    .add("size", size).build());
            assertThat(r.hasErrors()).as(String.valueOf(r.body())).isFalse();
            return 1;
        }));
        out.put(MINIMAL, Measure.run(plan, () -> http.post(token, "{ __typename }").hasErrors() ? 0 : 1));
        return out;
    }

    private static String stats(double[] sorted) {
        return "%.2f | %.2f | %.2f".formatted(sorted[sorted.length / 2], sorted[sorted.length * 95 / 100],
                sorted[sorted.length * 99 / 100]);
    }
}
