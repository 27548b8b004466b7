package org.batchledger.hub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.batchledger.hub.ingest.IngestBenchmark;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.genealogy.Reconverging;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.bench.LedgerBenchmark;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.WritePathBenchmark;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.GenealogyEdge;
import org.batchledger.synthplant.SyntheticPlant;
import org.neo4j.driver.AuthTokens;

/**
 * {@code ./bench.sh [small|medium|large]}: every workload of issue 15 in one JVM, one run, one machine — the plant
 * built or reused, the genealogy trace five ways at start points chosen by reach, the scale curve on diamond
 * ladders, ledger proofs and verification, GraphQL throughput, the release slot, then the write path and ingest on
 * fresh stores — into one markdown report (and, with {@code publish}, into {@code bench/RESULTS.md}).
 * Arguments: size, data dir, output dir, and optionally {@code publish}.
 */
public final class BenchSuite {
    private final BenchSize size;
    private final Path data;
    private final Path out;
    private final Report report = new Report();

    BenchSuite(BenchSize size, Path data, Path out) {
        this.size = size;
        this.data = data;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchSize size = BenchSize.parse(args.length > 0 ? args[0] : "small");
        Path data = Path.of(args.length > 1 ? args[1] : "bench/data").resolve(size.name());
        Path out = Path.of(args.length > 2 ? args[2] : "bench/out");
        boolean publish = args.length > 3 && args[3].equals("publish");
        BenchSuite suite = new BenchSuite(size, data, out);
        Result r;
        try {
            r = suite.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the hub's and Neo4j's non-daemon threads must not keep a failed run alive
            return;
        }
        System.out.println(r.markdown());
        if (publish) {
            try {
                Report.splice(Path.of("bench/RESULTS.md"), r.markdown());
                Files.copy(r.plot(), Path.of("bench/scale-curve.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("bench: written into bench/RESULTS.md and bench/scale-curve.png");
            } catch (java.io.IOException | RuntimeException e) {
                // as above: a failed run that does not exit keeps the hub's threads (and a core) busy for good
                e.printStackTrace();
                System.exit(1);
            }
        }
        if (!r.failures().isEmpty()) {
            System.err.println("bench: FAILED: " + String.join("; ", r.failures()));
            System.exit(1);
        }
        System.exit(0); // the hub's and Neo4j's non-daemon threads must not keep a finished run alive
    }

    record Result(String markdown, Path plot, List<String> failures) {
    }

    Result run() throws Exception {
        Files.createDirectories(out);
        String loadAtStart = Measure.load();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Machine machine = Machine.describe();
        double loadSeconds = BenchPlant.ensureLoaded(data, size.plant());
        BenchPlant.migrate(data);
        List<GenealogyEdge> edges = new ArrayList<>(SyntheticPlant.of(BenchPlant.SEED, size.plant()).genealogyEdges()
                .toList());
        edges.addAll(BenchPlant.ensureShapes(data, "fan-" + size.fan() + "-ladders-" + size.ladderWidth() + "x"
                + size.ladders(), shapes()));
        Csr down = new Csr(edges);
        Csr up = down.reversed();
        Path plot = out.resolve("scale-curve-" + size.name() + ".png");
        StringBuilder pgLog = new StringBuilder();
        String neo4jVersion;
        String pgVersion = LocalPostgres.installed() ? LocalPostgres.version() : "not installed (PostgreSQL lanes skipped)";
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(data.resolve("neo4j"), 0);
             var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
             var hub = BenchPlant.hub(neo4j, data);
             var pg = LocalPostgres.installed() ? LocalPostgres.start() : null;
             var pgGenealogy = pg == null ? null : PgGenealogy.load(pg, down, pgLog)) {
            var db = new GraphDatabase(driver, "neo4j");
            neo4jVersion = db.read(tx -> tx.run("CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' "
                    + "+ versions[0] + ' ' + edition AS v", Map.of()).list().getFirst().get("v").asString());
            long nodes = db.read(tx -> tx.run("MATCH (n) RETURN count(n) AS n", Map.of()).single().get("n").asLong());
            long rels = db.read(tx -> tx.run("MATCH ()-[r]->() RETURN count(r) AS n", Map.of()).single().get("n").asLong());
            long entries = db.read(LedgerHead::read).treeSize();
            header(machine, neo4jVersion, pgVersion, started, loadAtStart, loadSeconds, nodes, rels, entries, down);
            int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
            var http = new GraphQlHttp(port);
            // one token for the whole run: a five-minute one expired mid-run and failed the later sections with 401
            String token = TestTokens.shared().forUserValidFor(java.time.Duration.ofHours(6), "bench", "inspector");
            var lanes = new TraceLanes(down, up, db, http, token, pgGenealogy, size.plan());
            var trace = new TraceSection(lanes, report);
            section("Genealogy trace side by side: PostgreSQL WITH RECURSIVE, plain Cypher, the hub, the lower bound "
                    + "(item 1)", () -> {
                        report.line("%s.", pgLog.isEmpty() ? "PostgreSQL: not installed, lanes (d) and (d') skipped" : pgLog);
                        report.line("");
                        trace.plant(Starts.of(down, up, TraceSection.FAN + "L0", TraceSection.FAN + "L1"));
                    });
            section("Scale curve: latency against reach and against distinct paths (item 2)", () -> {
                trace.ladders(size.ladderWidth(), size.ladders());
                String check = size.name().equals("medium") || size.name().equals("large") ? ""
                        : "HARNESS CHECK, NOT A RESULT: ";
                trace.plot(plot, check + "./bench.sh %s, %s, %s, load %s at start".formatted(size.name(), started,
                        machine.brief(), loadAtStart), size.ladderWidth());
                report.line("![trace latency against reach and against distinct paths](scale-curve.png)");
            });
            section("Ledger: inclusion proofs and verification from the store (item 4)", () -> ledger(db, http, token));
            section("GraphQL throughput: mixed reads at 16 and 64 clients (item 6)",
                    () -> throughput(port, token, down, entries));
            section("Release: alcoa and releaseReadiness per batch (item 5)", () -> release(http, token));
        }
        section("Write path and ingest: records/s through the unit of work and end to end, beside plain UNWIND … CREATE "
                + "(item 3)",
                this::writes);
        report.line("");
        report.line("Run ended %s, load average %s.", Instant.now().truncatedTo(ChronoUnit.SECONDS), Measure.load());
        String markdown = report.text();
        Files.writeString(out.resolve("results-" + size.name() + ".md"), markdown);
        return new Result(markdown, plot, report.failures);
    }

    private List<LedgerRecord> shapes() {
        List<LedgerRecord> records = new ArrayList<>(Reconverging.fan(TraceSection.FAN, size.fan()));
        for (int n = 1; n <= size.ladders(); n++) {
            records.addAll(Reconverging.ladder(TraceSection.LADDER + n + ":", n, size.ladderWidth()));
        }
        return records;
    }

    private void header(Machine m, String neo4j, String pg, Instant started, String load, double loadSeconds,
                        long nodes, long rels, long entries, Csr csr) throws java.io.IOException {
        report.line("## Benchmark suite: `./bench.sh %s`", size.name());
        report.line("");
        report.line("Run started %s (commit `%s`), load average %s at start.", started,
                System.getProperty("bench.commit", "?"), load);
        report.line("");
        report.line("Machine: %s", m.describe(neo4j, pg));
        report.line("");
        report.line("Plant: synthplant seed %d, %,d batches (%s) plus the synthetic fan (%,d consumers) and %d diamond "
                        + "ladders of width %d — %,d nodes and %,d relationships in Neo4j, %,d ledger entries; "
                        + "genealogy %,d nodes, %,d edges. %s", BenchPlant.SEED, size.plant().batches(), size.name(),
                size.fan(), size.ladders(), size.ladderWidth(), nodes, rels, entries, csr.nodes(), csr.targets.length,
                loadSeconds > 0 ? "Loaded through the write path in %.0f s (this run).".formatted(loadSeconds)
                        : "Reused: " + Files.readString(BenchPlant.marker(data, size.plant())).strip() + ".");
        report.line("");
        report.line("Warm and cold: every figure is the median and p99 of warm runs (%d warm-ups, up to %d runs or "
                        + "%.0f s per figure, at least 3); the first call of each case is listed as \"first\" in the "
                        + "last table. The store was opened by this run (Neo4j's page cache is cold at the first "
                        + "case, warm later). Exponential forms get a %d s timeout.", size.plan().warmups(),
                size.plan().runs(), size.plan().budgetSeconds(), size.plan().timeoutMillis() / 1000);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** One workload: load average and heap peak around it; a failure is reported and the run goes on. */
    private void section(String title, Work work) {
        report.heading(title);
        String before = Measure.load();
        // the table comes at the end: a medium run takes most of an hour, so say where it is
        System.err.printf("bench: %s: %s (load average %s)%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), title,
                before);
        Report.resetHeapPeak();
        long t0 = System.nanoTime();
        try {
            work.run();
        } catch (Exception | AssertionError e) {
            report.line("**Failed:** %s", e);
            report.failures.add(title + ": " + e);
            e.printStackTrace();
        }
        report.line("");
        report.line("_Section: %.0f s, load average %s → %s, heap peak ≤ %,d MB (sum of the heap pools' peaks)._",
                (System.nanoTime() - t0) / 1e9, before, Measure.load(), Report.heapPeakMb());
    }

    private void ledger(GraphDatabase db, GraphQlHttp http, String token) {
        var plan = new Measure.Plan(size.proofs() / 4, size.proofs(), 120, 0);
        report.line("| request (%,d random entries, %,d warm-ups) | median / p99 ms | target |", size.proofs(),
                size.proofs() / 4);
        report.line("|---|---|---|");
        var proofs = ProofLatencyBenchmark.figures(db, http, token, plan);
        proofs.forEach((what, f) -> report.line("| %s | %s | %s |", what, report.figure("proof", what, "random entry", f),
                what.equals(ProofLatencyBenchmark.GRAPHQL) ? "≤ 5 ms median" : ""));
        report.line("");
        report.line("| verification from the store | entries | canonical MB | records | seconds | MB/s (target ≥ 200) "
                + "| of which chain and tree: seconds, MB/s | load before → after | ok |");
        report.line("|---|---|---|---|---|---|---|---|---|");
        for (var r : LedgerVerificationBenchmark.coldThenWarm(db, data.resolve("hub"))) {
            report.line("| %s | %,d | %,.1f | %,d | %.2f | %.1f | %.2f s, **%.1f** | %s → %s | %s |", r.run(),
                    r.report().entriesChecked(), r.report().canonicalBytes() / 1e6, r.report().recordsChecked(),
                    r.seconds(), r.mbPerSecond(), r.report().chainMillis() / 1e3, r.chainMbPerSecond(), r.loadBefore(),
                    r.loadAfter(), r.report().ok());
        }
        long entries = entries(db);
        var cpu = LedgerBenchmark.cpuPath(Math.min(50_000, Math.max(1_000, entries)), size.plan().budgetSeconds());
        report.line("| CPU path, no database (`LedgerBenchmark`: rebuild, RFC 8785, SHA-256, chain, leaf, root; one "
                        + "thread), %,d entries, median of %d warm rounds | | | | | **%.1f** (best %.1f; %.1f of the "
                        + "thread's CPU time) | | %s → %s | |", cpu.entries(), cpu.warmRounds(), cpu.medianMbPerSecond(),
                cpu.bestMbPerSecond(), cpu.medianCpuMbPerSecond(), cpu.loadBefore(), cpu.loadAfter());
        report.line("");
        if (entries < 4_000_000) {
            report.line("The issue asks for proofs on ≥ 4 M entries: that is `./bench.sh large` (≈ 7 M entries).");
        }
    }

    private static long entries(GraphDatabase db) {
        return db.read(LedgerHead::read).treeSize();
    }

    private void throughput(int port, String token, Csr csr, long entries) throws InterruptedException {
        List<String> bodies = mix(csr, entries);
        report.line("Closed loop, one HTTP/1.1 connection per client, random mix (fixed seeds) of %d prepared requests: "
                + "40 %% `batch(id)` with inputs, 30 %% `trace` downstream of a random lot (first page of 100), 20 %% "
                + "`inclusionProof`, 10 %% `ledgerCheckpoint`. Warm-up %.0f s, then %d s measured. CPU: cores busy in "
                + "this process (hub + embedded Neo4j + the client); the client threads' own share beside it.",
                bodies.size(), warmup(), size.throughputSeconds());
        report.line("");
        report.line("| clients | requests | requests/s | median ms | p99 ms | errors | process CPU (cores) | of which "
                + "client threads | heap used peak (sampled) | load before → after |");
        report.line("|---|---|---|---|---|---|---|---|---|---|");
        for (int clients : new int[] {16, 64}) {
            var r = Throughput.run(port, token, bodies, clients, warmup(), size.throughputSeconds());
            report.line("| %d | %,d | **%,.0f** | %s | %s | %d | %.2f | %.2f | %,d MB | %s → %s |", clients,
                    r.requests(), r.perSecond(), Report.ms(r.median()), Report.ms(r.p99()), r.errors(),
                    r.processCores(), r.clientCores(), r.heapPeakMb(), r.loadBefore(), r.loadAfter());
            if (r.errors() > 0) {
                report.failures.add("throughput at " + clients + " clients: " + r.errors() + " errors, first: "
                        + r.firstError());
            }
        }
    }

    private double warmup() {
        return Math.min(10, size.throughputSeconds() / 3.0);
    }

    private List<String> mix(Csr csr, long entries) {
        Random random = new Random(42);
        List<String> lots = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        for (String key : csr.keys) {
            if (key.startsWith("synthplant:LOT-")) {
                lots.add(key);
            } else if (key.startsWith("synthplant:B-")) {
                batches.add(key);
            }
        }
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String body;
            int kind = i % 10;
            if (kind < 4) {
                body = json("query($id: ID!) { batch(id: $id) { id status inputs { quantity unit lot { id } } } }",
                        "id", new RecordRef(RecordType.BATCH, batches.get(random.nextInt(batches.size()))).toString());
            } else if (kind < 7) {
                body = json("query($from: ID!) { trace(from: $from, direction: DOWNSTREAM) { complete nodeCount "
                        + "nodes(first: 100) { edges { node { id hop } } } } }", "from",
                        new RecordRef(RecordType.LOT, lots.get(random.nextInt(lots.size()))).toString());
            } else if (kind < 9) {
                body = "{\"query\":\"query($seq: Int!) { inclusionProof(seq: $seq) { leafIndex rootHash hashes } }\","
                        + "\"variables\":{\"seq\":" + (1 + random.nextLong(entries)) + "}}";
            } else {
                body = "{\"query\":\"{ ledgerCheckpoint { treeSize rootHash } }\"}";
            }
            bodies.add(body);
        }
        return bodies;
    }

    private static String json(String query, String var, String value) {
        return jakarta.json.Json.createObjectBuilder().add("query", query).add("variables",
                jakarta.json.Json.createObjectBuilder().add(var, value)).build().toString();
    }

    private static final String ALCOA = "query($b: ID!) { alcoa(batch: $b) { ruleSetVersion recordsEvaluated "
            + "criticalFindings principles { principle score status } } }";
    private static final String READINESS = "query($b: ID!) { releaseReadiness(batch: $b) { ready verdict "
            + "checks { name status explanation } } }";
    private static final String QUEUE = "{ releaseQueue(first: 100) { totalCount edges { node { batch { id } verdict "
            + "openExceptions } } } }";

    /**
     * The release workload (item 5): {@code alcoa} and {@code releaseReadiness} over GraphQL for the batches awaiting
     * disposition (the plant's designed spread), and the release queue itself; median and p99 per request.
     */
    private void release(GraphQlHttp http, String token) {
        var r = http.post(token, "{ __schema { queryType { fields { name } } } }");
        if (r.body() == null || !r.body().containsKey("data") || r.body().isNull("data")) {
            throw new IllegalStateException("the hub refused the schema query: " + r.body());
        }
        List<String> fields = r.body().getJsonObject("data").getJsonObject("__schema").getJsonObject("queryType")
                .getJsonArray("fields").stream().map(v -> v.asJsonObject().getString("name")).toList();
        if (!fields.contains("alcoa") || !fields.contains("releaseReadiness")) {
            report.line("**Skipped:** the schema has no `alcoa` / `releaseReadiness` query.");
            return;
        }
        var queue = http.post(token, QUEUE);
        List<String> batches = queue.body().getJsonObject("data").getJsonObject("releaseQueue").getJsonArray("edges")
                .stream().map(e -> e.asJsonObject().getJsonObject("node").getJsonObject("batch").getString("id"))
                .limit(4).toList();
        if (batches.isEmpty()) {
            report.line("**Not measured:** no batch awaits disposition in this plant.");
            return;
        }
        var plan = size.plan();
        report.line("| batch (awaiting disposition) | records ALCOA+ evaluates | `alcoa` median / p99 ms | "
                + "`releaseReadiness` median / p99 ms | target |");
        report.line("|---|---|---|---|---|");
        for (String batch : batches) {
            int[] records = {0};
            Measure.Figure alcoa = Measure.run(plan, () -> {
                var a = released(http.post(token, ALCOA, java.util.Map.of("b", batch)), "alcoa");
                records[0] = a.getInt("recordsEvaluated");
                return records[0];
            });
            Measure.Figure readiness = Measure.run(plan, () -> released(http.post(token, READINESS,
                    java.util.Map.of("b", batch)), "releaseReadiness").getJsonArray("checks").size());
            report.line("| `%s` | %,d | %s | %s | ≤ 50 ms median |", batch, records[0],
                    report.figure("release", "alcoa", batch, alcoa),
                    report.figure("release", "releaseReadiness", batch, readiness));
        }
        Measure.Figure whole = Measure.run(plan, () -> released(http.post(token, QUEUE), "releaseQueue")
                .getInt("totalCount"));
        report.line("");
        report.line("`releaseQueue(first: 100)` (every batch awaiting disposition evaluated: %d): %s ms median / p99.",
                whole.value(), report.figure("release", "releaseQueue", "all", whole));
        report.line("");
        report.line("The issue's case is a batch of ~500 records with a 10-level genealogy; the plant's packaging batches "
                + "hold fewer records (column 2) and 5 stages upstream, so these figures are for the plant's batches.");
    }

    private static jakarta.json.JsonObject released(GraphQlHttp.Response r, String field) {
        if (r.hasErrors()) {
            throw new IllegalStateException(field + " answered an error: " + r.body());
        }
        return r.body().getJsonObject("data").getJsonObject(field);
    }

    private void writes() throws Exception {
        boolean tiny = size.plant().batches() < 1_000;
        int batch = tiny ? 250 : size.name().equals("small") ? 1_000 : 2_000;
        int roundChunks = tiny ? 1 : 2;
        Path homes = Files.createTempDirectory("bench-write-");
        try {
            var w = WritePathBenchmark.measure(homes, size.writeBatches(), batch, roundChunks, 1);
            report.line("Four fresh stores (hub migrations), %,d batches = %,d records in transactions of %,d, lanes "
                    + "alternating round by round, medians of %d counted rounds; load %s → %s.", w.batches(),
                    w.records(), batch, w.countedRounds(), w.loadBefore(), w.loadAfter());
            report.line("");
            report.line("| lane | records/s (median) |");
            report.line("|---|---|");
            report.line("| (i) plain `UNWIND $rows CREATE (n:Label) SET n = row`, nodes only (ceiling, nodes/s) | %,.0f |",
                    w.plainNodesPerSecond());
            report.line("| (i') plain graph, same records, no checks, no ledger | %,.0f |", w.plainGraphRecordsPerSecond());
            report.line("| checks + graph, no ledger | %,.0f |", w.checkedRecordsPerSecond());
            report.line("| **(ii) write path** (unit of work, ledger, tiles) | **%,.0f** |", w.writePathRecordsPerSecond());
            report.line("");
            report.line("Ratios: write path ÷ plain graph **%s** (target ≥ 0.6 ×); write path records/s ÷ plain nodes/s %s.",
                    Report.ratio(w.writePathRecordsPerSecond() / w.plainGraphRecordsPerSecond()),
                    Report.ratio(w.writePathRecordsPerSecond() / w.plainNodesPerSecond()));
        } finally {
            try (Stream<Path> files = Files.walk(homes)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        report.line("");
        report.line("Ingest end to end from generated B2MML + LIMS CSV files (`IngestBenchmark`, records/s; target "
                + "RATIO ≥ 0.8 ×):");
        report.line("");
        report.line(IngestBenchmark.HEADER);
        IngestBenchmark.round(size.ingestRecords()).forEach(report::line);
    }
}
