package org.batchledger.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntSupplier;
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
            long size = db.read(LedgerHead::read).treeSize();
            var proofs = new LedgerProofs(db);
            var http = new GraphQlHttp(Integer.parseInt(hub.getEnvironment().getProperty("local.server.port")));
            String token = TestTokens.shared().forUser("bench", "inspector");
            Random random = new Random(7);
            double[] driverMs = times(() -> proofs.inclusion(1 + (long) (random.nextDouble() * size), size)
                    .hashes().size());
            double[] graphQlMs = times(() -> {
                long seq = 1 + (long) (random.nextDouble() * size);
                // as a client sends it: one document, the entry in variables
                var r = http.post(token, "query($seq: Int!, $size: Int) { inclusionProof(seq: $seq, treeSize: $size) "
                        + "{ leafIndex rootHash hashes } }", jakarta.json.Json.createObjectBuilder().add("seq", seq)
                        .add("size", size).build());
                assertThat(r.hasErrors()).as(String.valueOf(r.body())).isFalse();
                return r.body().getJsonObject("data").getJsonObject("inclusionProof").getJsonArray("hashes").size();
            });
            double[] minimalMs = times(() -> http.post(token, "{ __typename }").hasErrors() ? 0 : 1);
            String text = """
                    Ledger of %,d entries (benchmark plant); %,d random entries each, after %,d warm-ups; load average %s.

                    | request | median ms | p95 ms | p99 ms |
                    |---|---|---|---|
                    | inclusion proof via the driver (`LedgerProofs`) | %s |
                    | `inclusionProof` over GraphQL/HTTP | %s |
                    | `{ __typename }` over GraphQL/HTTP (fixed cost) | %s |
                    """.formatted(size, RUNS, RUNS / 4, Files.readString(Path.of("/proc/loadavg")).strip(),
                    stats(driverMs), stats(graphQlMs), stats(minimalMs));
            System.out.println(text);
            Files.writeString(Path.of("target/proof-bench.md"), text);
        }
    }

    private static double[] times(IntSupplier work) {
        for (int i = 0; i < RUNS / 4; i++) {
            work.getAsInt();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.getAsInt();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String stats(double[] sorted) {
        return "%.2f | %.2f | %.2f".formatted(sorted[sorted.length / 2], sorted[sorted.length * 95 / 100],
                sorted[sorted.length * 99 / 100]);
    }
}
