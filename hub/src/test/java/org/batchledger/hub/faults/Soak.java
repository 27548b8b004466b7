package org.batchledger.hub.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.testsupport.Neo4jTestServer;

/**
 * The soak of {@code bench/soak.sh}: one hub process on loopback against Neo4j over Bolt (embedded in this JVM), and
 * {@code concurrency} clients sending a mix for {@code duration} — GraphQL reads (checkpoint, a lot, inclusion
 * proof, a page of ledger entries), signatures (APPROVED on an ingested material, by a recently authenticated QA
 * reviewer) and ingests of small files. Expected refusals (a write answered ledger-busy while other files' ingests
 * held the ledger longer than a write waits) are counted apart; anything else is an error. The hub's heap is sampled every ten seconds through its metrics
 * (live data after GC, and used). Afterwards the ledger is verified and the graph counted against what was sent.
 * Prints a Markdown section and writes it to {@code out}; exit status 0 only if everything held.
 *
 * <p>Usage: {@code Soak DURATION CONCURRENCY OUT_FILE} (DURATION as {@code 10m}, {@code 90s}).
 */
final class Soak {
    enum Op { READ, SIGN, INGEST }

    private static final int LOTS_PER_FILE = 5;
    private final TestTokens tokens = TestTokens.shared();
    private final Map<Op, Queue<Long>> latencies = new EnumMap<>(Op.class);
    private final Map<Op, AtomicLong> done = new EnumMap<>(Op.class);
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong lotsSent = new AtomicLong();
    private final AtomicLong signed = new AtomicLong();
    private final AtomicLong fileNumber = new AtomicLong();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong errorCount = new AtomicLong();
    /** materials ingested and not yet signed; lots ingested (for reads). */
    private final Queue<String> toSign = new ConcurrentLinkedQueue<>();
    private final List<String> lots = new CopyOnWriteArrayList<>();
    private final List<double[]> heapSamples = Collections.synchronizedList(new ArrayList<>());

    private Soak() {
        for (Op op : Op.values()) {
            latencies.put(op, new ConcurrentLinkedQueue<>());
            done.put(op, new AtomicLong());
        }
    }

    public static void main(String[] args) throws Exception {
        Duration duration = parse(args.length > 0 ? args[0] : "10m");
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path out = Path.of(args.length > 2 ? args[2] : "bench/out/soak.md");
        boolean ok = new Soak().run(duration, concurrency, out);
        System.exit(ok ? 0 : 1);
    }

    private boolean run(Duration duration, int concurrency, Path out) throws Exception {
        Neo4jTestServer neo4j = Neo4jTestServer.shared();
        neo4j.clean();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "soak")), "run-")
                .resolve("data");
        String load = String.join(" ", java.util.Arrays.asList(Files.readString(Path.of("/proc/loadavg")).trim()
                .split(" ")).subList(0, 3));
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try (ChildHub hub = ChildHub.start("soak-hub", neo4j.uri().toString(), data, tokens, Map.of(), Map.of(),
                "1g")) {
            HubClient client = new HubClient(hub.port());
            seed(client);
            long started = System.nanoTime();
            long until = started + duration.toNanos();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                long seed = i;
                work.add(clients.submit(() -> client(client, new SplittableRandom(seed), until)));
            }
            while (System.nanoTime() < until) {
                sampleHeap(hub.port(), started);
                Thread.sleep(Math.min(10_000, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampleHeap(hub.port(), started);
            String verdict = afterwards(client, neo4j);
            String report = report(duration, concurrency, seconds, load, verdict);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            System.out.println(report);
            return errorCount.get() == 0 && verdict.startsWith("ok");
        } finally {
            clients.shutdownNow();
        }
    }

    // A few files first, so reads and signatures have something from the start.
    private void seed(HubClient client) throws Exception {
        for (int i = 0; i < 4; i++) {
            ingest(client);
        }
    }

    private void client(HubClient client, SplittableRandom random, long until) {
        while (System.nanoTime() < until) {
            int dice = random.nextInt(100);
            Op op = dice < 70 ? Op.READ : dice < 85 ? Op.SIGN : Op.INGEST;
            long t0 = System.nanoTime();
            try {
                boolean counted = switch (op) {
                    case READ -> read(client, random);
                    case SIGN -> sign(client);
                    case INGEST -> ingest(client);
                };
                if (counted) {
                    latencies.get(op).add(System.nanoTime() - t0);
                    done.get(op).incrementAndGet();
                }
            } catch (Exception e) {
                error(op + ": " + e);
            }
        }
    }

    private boolean read(HubClient client, SplittableRandom random) {
        String inspector = tokens.forUser("inspector", "inspector");
        String lot = lots.get(random.nextInt(lots.size()));
        String query = switch (random.nextInt(4)) {
            case 0 -> "{ ledgerCheckpoint { treeSize rootHash } }";
            case 1 -> "{ lot(id: \"" + lot + "\") { id } }";
            case 2 -> "{ inclusionProof(seq: 1) { rootHash treeSize } }";
            default -> "{ ledgerEntries(first: 5) { edges { node { seq } } } }";
        };
        var r = client.graphql(inspector, query);
        if (r.status() != 200 || r.hasErrors()) {
            error("read " + query + ": HTTP " + r.status() + " " + r.body());
        }
        return true;
    }

    private boolean sign(HubClient client) {
        String material = toSign.poll();
        if (material == null) {
            return false;
        }
        var r = client.graphql(tokens.authenticatedAt(Instant.now(), "qa1", "qa-reviewer"), "mutation { sign(record: \""
                + material + "\", meaning: APPROVED, reason: \"soak\") { meaning } }");
        if (r.hasErrors() && "SERVICE_UNAVAILABLE".equals(r.errorClass())
                && r.body().toString().contains("ledger busy")) {
            busy.incrementAndGet(); // expected: the ingests held the ledger longer than a write waits; not signed
            toSign.add(material);
        } else if (r.status() != 200 || r.hasErrors()) {
            error("sign " + material + ": HTTP " + r.status() + " " + r.body());
        } else {
            signed.incrementAndGet();
        }
        return true;
    }

    private boolean ingest(HubClient client) throws Exception {
        long n = fileNumber.incrementAndGet();
        StringBuilder s = new StringBuilder("#test-lines\nMaterial|SOAK-M" + n + "|soak material\n");
        for (int i = 0; i < LOTS_PER_FILE; i++) {
            s.append("Lot|SOAK-").append(n).append("-L").append(i).append("|SOAK-M").append(n).append('\n');
        }
        HubClient.Ingested r = client.ingest(tokens.forUser("ingest", "adapter"), "soak-" + n + ".txt",
                s.toString().getBytes(StandardCharsets.UTF_8));
        if ("BUSY".equals(r.state())) {
            busy.incrementAndGet(); // expected: another file held the ledger longer than a write waits
            return true;
        }
        if (!"INGESTED".equals(r.state()) || r.duplicate()) {
            error("ingest " + n + ": " + r.report());
            return true;
        }
        lotsSent.addAndGet(LOTS_PER_FILE);
        for (int i = 0; i < LOTS_PER_FILE; i++) {
            lots.add("Lot:site:SOAK-" + n + "-L" + i);
        }
        toSign.add("Material:site:SOAK-M" + n);
        return true;
    }

    private void sampleHeap(int port, long started) {
        try {
            double live = metric(port, "jvm.gc.live.data.size", null);
            double used = metric(port, "jvm.memory.used", "area:heap");
            heapSamples.add(new double[] {(System.nanoTime() - started) / 1e9, live, used});
        } catch (Exception e) {
            error("heap sample: " + e);
        }
    }

    private double metric(int port, String name, String tag) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag)))
                .header("Authorization", "Bearer " + tokens.forUser("admin", "admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(name + ": HTTP " + r.statusCode());
        }
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        return body.getJsonArray("measurements").getJsonObject(0).getJsonNumber("value").doubleValue();
    }

    private String afterwards(HubClient client, Neo4jTestServer neo4j) {
        JsonObject v = client.data(tokens.forUser("inspector", "inspector"),
                "{ verifyLedger { ok treeSize problems } }").getJsonObject("verifyLedger");
        long lotsInGraph = count(neo4j, "MATCH (l:Lot) WHERE l.key STARTS WITH 'site:SOAK-' RETURN count(l) AS n");
        long signatures = count(neo4j, "MATCH (s:Signature) RETURN count(s) AS n");
        String counts = "lots sent " + lotsSent.get() + " / in the graph " + lotsInGraph + "; signatures given "
                + signed.get() + " / in the graph " + signatures + "; ledger " + v.getJsonNumber("treeSize") + " entries";
        boolean ok = v.getBoolean("ok") && lotsInGraph == lotsSent.get() && signatures == signed.get();
        return (ok ? "ok: " : "FAILED: ") + "verifyLedger ok=" + v.getBoolean("ok") + " " + v.getJsonArray("problems")
                + "; " + counts;
    }

    private String report(Duration duration, int concurrency, double seconds, String load, String verdict) {
        StringBuilder s = new StringBuilder("## Soak (bench/soak.sh " + human(duration) + ")\n\n");
        s.append("Concurrency ").append(concurrency).append(", ").append(String.format("%.0f", seconds))
                .append(" s; mix: 70 % GraphQL reads, 15 % signatures, 15 % ingests of 6-record files. Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average at start ")
                .append(load).append(" (shared).\n\n");
        s.append("| operation | count | per second | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        for (Op op : Op.values()) {
            List<Long> l = new ArrayList<>(latencies.get(op));
            Collections.sort(l);
            s.append(String.format("| %s | %d | %.1f | %s | %s | %s |%n", op.name().toLowerCase(), done.get(op).get(),
                    done.get(op).get() / seconds, ms(l, 0.50), ms(l, 0.99), ms(l, 1.0)));
        }
        s.append("\nExpected refusals: ").append(busy.get()).append(" writes answered ledger-busy (an ingest BUSY, a "
                + "signature SERVICE_UNAVAILABLE: nothing written, sent again). Unexpected errors: ")
                .append(errorCount.get()).append('\n');
        errors.stream().limit(10).forEach(e -> s.append("- ").append(e.length() > 300 ? e.substring(0, 300) : e)
                .append('\n'));
        s.append("\nHub heap (MB) every ~10 s, live data after the last GC / used:\n\n| s | live | used |\n|---|---|---|\n");
        synchronized (heapSamples) {
            for (double[] h : heapSamples) {
                s.append(String.format("| %.0f | %.0f | %.0f |%n", h[0], h[1] / 1e6, h[2] / 1e6));
            }
            s.append('\n').append(trend()).append("\n\n");
        }
        s.append("Afterwards: ").append(verdict).append('\n');
        return s.toString();
    }

    // Least-squares slope of live heap over the second half of the run: growth per minute.
    private String trend() {
        List<double[]> second = heapSamples.subList(heapSamples.size() / 2, heapSamples.size());
        if (second.size() < 3) {
            return "Too few heap samples for a trend.";
        }
        // live data is known only after a full collection; until one ran, the used heap stands in
        int k = second.stream().allMatch(h -> h[1] > 0) ? 1 : 2;
        double mx = second.stream().mapToDouble(h -> h[0]).average().orElse(0);
        double my = second.stream().mapToDouble(h -> h[k]).average().orElse(0);
        double sxy = second.stream().mapToDouble(h -> (h[0] - mx) * (h[k] - my)).sum();
        double sxx = second.stream().mapToDouble(h -> (h[0] - mx) * (h[0] - mx)).sum();
        double perMinute = sxx == 0 ? 0 : sxy / sxx * 60 / 1e6;
        return String.format("%s trend over the second half: %+.1f MB per minute (mean %.0f MB).",
                k == 1 ? "Live-heap" : "Used-heap (no full GC yet)", perMinute, my / 1e6);
    }

    private void error(String e) {
        errorCount.incrementAndGet();
        if (errors.size() < 50) {
            errors.add(e);
        }
    }

    private static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
        return String.format("%.0f", sorted.get(Math.max(0, i)) / 1e6);
    }

    private static long count(Neo4jTestServer neo4j, String cypher) {
        return neo4j.db().read(tx -> tx.run(cypher, Map.of()).single().get("n").asLong());
    }

    private static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        return t.endsWith("m") ? Duration.ofMinutes(n) : t.endsWith("h") ? Duration.ofHours(n) : Duration.ofSeconds(n);
    }

    private static String human(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
