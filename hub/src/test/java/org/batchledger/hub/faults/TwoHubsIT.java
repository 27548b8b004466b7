package org.batchledger.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two hub processes on one Neo4j (served over Bolt on loopback), both written to and read from at once for a bounded
 * time: files ingested and lots corrected through either hub, checkpoints and point-in-time reads from either. Then
 * the ledger is one line (each hub verifies it: chain, tree, every checkpoint), every record each writer was told
 * was written is there exactly once and nothing else is, and every checkpoint a reader was given is a prefix of the
 * final tree. The hubs share the ledger's signing key (as replicas of one hub must) and keep checkpoint logs of
 * their own; each runs under its own instance name.
 */
@Tag("REQ-RELIABILITY-014")
@Tag("REQ-RELIABILITY-015")
class TwoHubsIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("faults.two-hubs.seconds", 30));
    private static final int WRITERS_PER_HUB = 2;
    private static final int LOTS_PER_FILE = 5;

    private final AtomicLong lotsWritten = new AtomicLong();
    private final AtomicLong corrections = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    /** lot id → the ledger sequence number its file was published at. */
    private final Map<String, Long> writtenAt = new ConcurrentSkipListMap<>();
    private final Set<String> seenCheckpoints = ConcurrentHashMap.newKeySet();
    private final Queue errors = new Queue();

    @Test
    void twoHubsOnOneDatabaseKeepOneLedgerAndLoseOrRepeatNothing() throws Exception {
        NEO4J.clean();
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "faults")), "two-hubs-");
        sharedKey(root.resolve("a"), root.resolve("b"));
        ExecutorService load = Executors.newFixedThreadPool(2 * WRITERS_PER_HUB + 2);
        try (ChildHub a = ChildHub.start("hub-a", NEO4J.uri().toString(), root.resolve("a"), TOKENS, Map.of(), Map.of(),
                "512m");
             ChildHub b = ChildHub.start("hub-b", NEO4J.uri().toString(), root.resolve("b"), TOKENS, Map.of(), Map.of(),
                     "512m")) {
            List<HubClient> hubs = List.of(new HubClient(a.port()), new HubClient(b.port()));
            long until = System.nanoTime() + RUN.toNanos();
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_HUB; w++) {
                int writer = w;
                work.add(load.submit(() -> write(hubs.get(writer % 2), hubs.get((writer + 1) % 2), writer, until)));
            }
            for (int r = 0; r < 2; r++) {
                HubClient hub = hubs.get(r);
                work.add(load.submit(() -> read(hub, until)));
            }
            for (Future<?> f : work) {
                f.get(RUN.toSeconds() + 300, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(errors.all()).as("unexpected errors").isEmpty();
            assertThat(lotsWritten.get()).as("the writers wrote").isPositive();
            assertThat(reads.get()).as("the readers read").isPositive();

            assertTheGraphHoldsWhatWasSent();
            long head = head();
            for (HubClient hub : hubs) {
                JsonObject v = hub.data(inspector(), "{ verifyLedger { ok treeSize problems } }")
                        .getJsonObject("verifyLedger");
                assertThat(v.getJsonArray("problems")).as("%s", v).isEmpty();
                assertThat(v.getBoolean("ok")).isTrue();
                assertThat(v.getJsonNumber("treeSize").longValue()).isEqualTo(head);
            }
            for (String seen : seenCheckpoints) {
                String[] sizeRoot = seen.split(" ");
                JsonObject proof = hubs.getFirst().data(inspector(), "{ consistencyProof(from: " + sizeRoot[0]
                        + ") { fromRoot } }").getJsonObject("consistencyProof");
                assertThat(proof.getString("fromRoot")).as("checkpoint %s is a prefix of the one ledger", sizeRoot[0])
                        .isEqualTo(sizeRoot[1]);
            }
            System.out.printf("two hubs, %s: %d lots and %d corrections written, %d busy answers, %d reads, %d "
                    + "checkpoints seen, ledger of %d entries%n", RUN, lotsWritten.get(), corrections.get(), busy.get(),
                    reads.get(), seenCheckpoints.size(), head);
        } finally {
            load.shutdownNow();
        }
    }

    // Files of a material and five lots, each lot then corrected through the other hub.
    private void write(HubClient hub, HubClient other, int writer, long until) {
        for (int file = 0; System.nanoTime() < until; file++) {
            String prefix = "W" + writer + "-F" + file;
            StringBuilder s = new StringBuilder("#test-lines\nMaterial|M-" + prefix + "|material\n");
            for (int i = 0; i < LOTS_PER_FILE; i++) {
                s.append("Lot|").append(prefix).append("-L").append(i).append("|M-").append(prefix).append('\n');
            }
            try {
                HubClient.Ingested r = hub.ingest(TOKENS.forUser("ingest", "adapter"), prefix + ".txt",
                        s.toString().getBytes(StandardCharsets.UTF_8));
                if ("BUSY".equals(r.state())) {
                    busy.incrementAndGet(); // expected under contention: nothing written, sent again
                    file--;
                    continue;
                }
                if (!"INGESTED".equals(r.state()) || r.duplicate()) {
                    errors.add("ingest " + prefix + ": " + r.report());
                    continue;
                }
                lotsWritten.addAndGet(LOTS_PER_FILE);
                long last = r.report().getJsonNumber("lastSeq").longValue();
                for (int i = 0; i < LOTS_PER_FILE; i++) {
                    writtenAt.put("Lot:site:" + prefix + "-L" + i, last);
                }
                var c = other.graphql(TOKENS.forUser("operator", "operator"), "mutation { correct(id: \"Lot:site:"
                        + prefix + "-L0\", reason: \"weighing transcription error\", changes: [{field: \"quantity\", "
                        + "value: \"" + (10 + writer) + "." + file + "\"}]) { version } }");
                if (c.hasErrors() || c.status() != 200) {
                    errors.add("correct " + prefix + ": " + c.body());
                } else {
                    corrections.incrementAndGet();
                }
            } catch (Exception e) {
                errors.add("writer " + writer + ": " + e);
            }
        }
    }

    // A checkpoint, then a lot written before it (must be there at asOf) and one written after it (must not).
    private void read(HubClient hub, long until) {
        while (System.nanoTime() < until) {
            try {
                JsonObject c = hub.data(inspector(), "{ ledgerCheckpoint { treeSize rootHash } }")
                        .getJsonObject("ledgerCheckpoint");
                long size = c.getJsonNumber("treeSize").longValue();
                seenCheckpoints.add(size + " " + c.getString("rootHash"));
                reads.incrementAndGet();
                for (var e : Stream.of(writtenAt.entrySet().stream().filter(x -> x.getValue() <= size).findAny(),
                        writtenAt.entrySet().stream().filter(x -> x.getValue() > size).findAny()).flatMap(
                        java.util.Optional::stream).toList()) {
                    var lot = hub.graphql(inspector(), "{ lot(id: \"" + e.getKey() + "\", asOf: " + size
                            + ") { id } }");
                    boolean there = lot.status() == 200 && !lot.body().getJsonObject("data").isNull("lot");
                    if (!there && !(lot.hasErrors() && "NOT_FOUND".equals(lot.errorClass()))) {
                        errors.add("read at checkpoint " + size + ": " + lot.body());
                        continue;
                    }
                    if (there != e.getValue() <= size) {
                        errors.add("read at checkpoint " + size + ": " + e.getKey() + " (written at " + e.getValue()
                                + ") " + (there ? "present" : "absent"));
                    }
                    reads.incrementAndGet();
                }
            } catch (Exception e) {
                errors.add("reader: " + e);
            }
        }
    }

    private void assertTheGraphHoldsWhatWasSent() {
        List<String> keys = NEO4J.db().read(tx -> tx.run("MATCH (l:Lot) WHERE l.version = 1 RETURN l.key AS k",
                Map.of()).list(r -> "Lot:" + r.get("k").asString()));
        assertThat(keys).as("every lot sent and told written, once, and no other").hasSize((int) lotsWritten.get())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(writtenAt.keySet());
        assertThat(count("MATCH (l:Lot) WHERE l.version = 2 RETURN count(l) AS n")).isEqualTo(corrections.get());
        assertThat(count("MATCH (l:Lot) WHERE l.version > 2 RETURN count(l) AS n")).isZero();
        assertThat(count("MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n")).as("staged left").isZero();
    }

    private static void sharedKey(Path a, Path b) throws java.io.IOException {
        HubKeys.loadOrCreate(a.resolve("keys"), "batchledger.hub/ledger");
        Files.createDirectories(b.resolve("keys"));
        try (Stream<Path> files = Files.list(a.resolve("keys"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".pem")).toList()) {
                Files.copy(f, b.resolve("keys").resolve(f.getFileName()));
            }
        }
    }

    private static String inspector() {
        return TOKENS.forUser("inspector", "inspector");
    }

    private static long head() {
        return count("OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.seq, 0) AS n");
    }

    private static long count(String cypher) {
        return NEO4J.db().read(tx -> tx.run(cypher, Map.of()).single().get("n").asLong());
    }

    /** The first few unexpected errors, kept for the failure message. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

        void add(String error) {
            if (items.size() < 50) {
                items.add(error);
            }
        }

        List<String> all() {
            return List.copyOf(items);
        }
    }
}
