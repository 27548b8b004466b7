package org.batchledger.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.release.ProductSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * REQ-PERF-010, Performance: {@code alcoa} and {@code releaseReadiness} over GraphQL for the case, a batch of
 * about 500 records at the end of a 10-level genealogy ({@link DeepBatch}), on a hub in this JVM over embedded Neo4j:
 * median, p95 and p99 of the whole HTTP request, and the database round trips one request makes (counted by the
 * hub's own {@link GraphDatabase}). Prints a table and writes it to {@code target/release-bench.md}; asserts only
 * that the answers are whole (every record evaluated, the genealogy complete), never a time.
 *
 * <pre>mvn -o -B -pl hub -am test -Dgroups=benchmark -DexcludedGroups=none -Dtest=ReleaseLatencyBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.skip=true -Dvalidation.gate=report</pre>
 */
@Tag("benchmark")
@Tag("REQ-PERF-010")
class ReleaseLatencyBenchmark {
    static final int RUNS = Integer.getInteger("bench.release.runs", 500);
    private static final String ALCOA = "query($b: ID!) { alcoa(batch: $b) { treeSize ruleSetVersion "
            + "recordsEvaluated criticalFindings principles { principle score status findings(first: 100) { edges { node { rule { id } recordId } } } } } }";
    private static final String READINESS = "query($b: ID!) { releaseReadiness(batch: $b) { ready verdict "
            + "checks { name status explanation } } }";

    @Test
    void alcoaAndReadinessOfADeepBatch(@TempDir Path dir) throws IOException {
        DeepBatch plant = new DeepBatch();
        Path specifications = dir.resolve("specifications.json");
        ProductSpecification spec = plant.specification();
        Files.writeString(specifications, specificationJson(spec));
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir.resolve("neo4j"), 0);
             ConfigurableApplicationContext hub = BenchPlant.hub(neo4j, dir,
                     "--batchledger.release.specifications=" + specifications)) {
            Actor writer = new Actor("sub-op", "Olivia Operator", List.of("operator"), "bench");
            RecordWriter records = hub.getBean(RecordWriter.class);
            plant.writes().forEach(w -> records.write(WriteRequest.of(w, writer, "release benchmark plant")));
            hub.getBean(Checkpoints.class).latest();
            GraphDatabase db = hub.getBean(GraphDatabase.class);
            var http = new GraphQlHttp(Integer.parseInt(hub.getEnvironment().getProperty("local.server.port")));
            String token = TestTokens.shared().forUser("bench", "qa-reviewer");
            Map<String, String> batch = Map.of("b", DeepBatch.TARGET);

            JsonObject alcoa = answer(http.post(token, ALCOA, batch), "alcoa");
            JsonObject readiness = answer(http.post(token, READINESS, batch), "releaseReadiness");
            System.out.println("first answers (what the timed runs evaluate):\n" + readiness + "\n" + alcoa);
            // a whole answer: every record of the batch judged, and no check cut short by the trace limits
            assertThat(alcoa.getInt("recordsEvaluated")).isGreaterThan(plant.judgedAtLeast());
            assertThat(readiness.getJsonArray("checks").getValuesAs(JsonObject.class))
                    .noneMatch(c -> c.getString("explanation").toLowerCase().contains("limit"));

            var plan = new Measure.Plan(RUNS / 5, RUNS, 120, 0);
            long trips = db.roundTrips();
            answer(http.post(token, ALCOA, batch), "alcoa");
            long alcoaTrips = db.roundTrips() - trips;
            trips = db.roundTrips();
            answer(http.post(token, READINESS, batch), "releaseReadiness");
            long readinessTrips = db.roundTrips() - trips;
            Measure.Figure a = Measure.run(plan, () -> answer(http.post(token, ALCOA, batch), "alcoa")
                    .getInt("recordsEvaluated"));
            Measure.Figure r = Measure.run(plan, () -> answer(http.post(token, READINESS, batch), "releaseReadiness")
                    .getJsonArray("checks").size());
            Measure.Figure minimal = Measure.run(plan, () -> http.post(token, "{ __typename }").hasErrors() ? 0 : 1);
            // the machine is shared: CPU time per request (this JVM: client, hub and Neo4j) is what the load does
            // not inflate, and on an idle machine a sequential request's latency is about that
            double alcoaCpu = cpuMsPerCall(() -> answer(http.post(token, ALCOA, batch), "alcoa"));
            double readinessCpu = cpuMsPerCall(() -> answer(http.post(token, READINESS, batch), "releaseReadiness"));
            double minimalCpu = cpuMsPerCall(() -> http.post(token, "{ __typename }"));

            String text = """
                    Batch `%s`: %d records evaluated by ALCOA+, %d levels of batches upstream (%s), %d checks in \
                    the readiness answer, verdict %s; ALCOA+ %s. %d timed runs each after %d warm-ups; load average \
                    %s → %s; %s.

                    | request | first ms | median ms | p95 ms | p99 ms | CPU ms per request (process, %d calls) | database round trips per request |
                    |---|---|---|---|---|---|---|
                    | `alcoa(batch)` | %.1f | %s | %.1f | %d |
                    | `releaseReadiness(batch)` | %.1f | %s | %.1f | %d |
                    | `{ __typename }` (fixed cost of any request) | %.1f | %s | %.1f | 0 |
                    """.formatted(DeepBatch.TARGET, alcoa.getInt("recordsEvaluated"), DeepBatch.LEVELS,
                    upstream(readiness), readiness.getJsonArray("checks").size(), readiness.getString("verdict"),
                    principles(alcoa), a.runs(), plan.warmups(), a.loadBefore(), minimal.loadAfter(), Machine.describe().brief(),
                    CPU_CALLS, a.firstMs(), stats(a), alcoaCpu, alcoaTrips, r.firstMs(), stats(r), readinessCpu,
                    readinessTrips, minimal.firstMs(), stats(minimal), minimalCpu);
            System.out.println(text);
            Files.writeString(Path.of("target/release-bench.md"), text);
        }
    }

    static final int CPU_CALLS = 100;

    private static double cpuMsPerCall(Runnable call) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        for (int i = 0; i < CPU_CALLS; i++) {
            call.run();
        }
        return (os.getProcessCpuTime() - before) / 1e6 / CPU_CALLS;
    }

    private static JsonObject answer(GraphQlHttp.Response response, String field) {
        assertThat(response.hasErrors()).as(String.valueOf(response.body())).isFalse();
        return response.body().getJsonObject("data").getJsonObject(field);
    }

    /** The upstream-released check's own count of what the trace reached, e.g. "47 lots and batches, 19 levels". */
    private static String upstream(JsonObject readiness) {
        return readiness.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("upstream-released")).map(c -> c.getString("explanation"))
                .findFirst().orElse("?");
    }

    private static String principles(JsonObject alcoa) {
        return alcoa.getJsonArray("principles").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("principle").charAt(0) + p.getString("principle").substring(1, 3).toLowerCase()
                        + " " + p.getString("status"))
                .reduce((x, y) -> x + ", " + y).orElse("");
    }

    private static String stats(Measure.Figure f) {
        double[] ms = f.ms();
        return "%.1f | %.1f | %.1f".formatted(f.median(), ms[Math.min(ms.length - 1, ms.length * 95 / 100)], f.p99());
    }

    private static String specificationJson(ProductSpecification spec) {
        var quoted = (Supplier<jakarta.json.JsonArrayBuilder>) jakarta.json.Json::createArrayBuilder;
        var tests = quoted.get();
        spec.tests().forEach(tests::add);
        var steps = quoted.get();
        spec.steps().forEach(steps::add);
        return jakarta.json.Json.createObjectBuilder().add("specifications", jakarta.json.Json.createArrayBuilder()
                .add(jakarta.json.Json.createObjectBuilder().add("product", spec.product())
                        .add("version", spec.version()).add("tests", tests).add("steps", steps))).build().toString();
    }
}
