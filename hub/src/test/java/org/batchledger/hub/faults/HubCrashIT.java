package org.batchledger.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * A real hub process killed with SIGKILL in the middle of a large ingest (600 lots written in chunks of 200 under
 * the ingest lease), at each point of the pipeline, then started again on the same data directory and database: the
 * file is either wholly there or not at all, the ledger verifies, sending the same file again ingests it (or finds
 * it ingested) and sending it once more writes nothing. The child halts itself when it logs the message that marks
 * the point ({@link HaltAt}); the publish point is reached by holding a lock on the last staged record from here,
 * so the child's publish transaction is open, with part of its work done, when it is killed.
 */
@Tag("REQ-RELIABILITY-009")
class HubCrashIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final int LOTS = 600;
    private static final int RECORDS = LOTS + 1;
    private static final byte[] FILE = bigFile();
    private static final String SOURCE_KEY = "sha256:" + sha256(FILE);
    private static final Map<String, String> HUB = Map.of("batchledger.ingest.chunk-records", "200");
    private static final ExecutorService UPLOADS = Executors.newCachedThreadPool();

    /**
     * Where the process dies, and whether the file was published by then. The two kills inside a transaction hold a
     * write lock it needs ({@code lock}): the ledger head, which the publish takes first (so it dies inside its
     * transaction, uncommitted), or the last staged lot, which only the removal of the staging marks after the
     * publish touches (so it dies with the file published and its marks left, for the next start to remove).
     */
    enum Point {
        PARSING("test-lines: mark middle", false, null),
        CHECKED_BEFORE_THE_LEASE("writing them in chunks", false, null),
        BETWEEN_CHUNKS(": 400 of " + RECORDS + " records written", false, null),
        INSIDE_THE_PUBLISH(": " + RECORDS + " of " + RECORDS + " records written", false,
                "MATCH (h:LedgerHead {id: 'main'}) SET h.faultLock = true"),
        INSIDE_THE_TIDY_AFTER_THE_PUBLISH(": " + RECORDS + " of " + RECORDS + " records written", true,
                "MATCH (l:Lot {key: 'site:LOT-" + (LOTS - 1) + "'}) SET l.faultLock = true"),
        PUBLISHED_BEFORE_THE_REPORT(": INGESTED via", true, null),
        AFTER_THE_REPORT(": INGESTED via", true, null);

        final String message;
        final boolean published;
        final String lock;

        Point(String message, boolean published, String lock) {
            this.message = message;
            this.published = published;
            this.lock = lock;
        }
    }

    @AfterAll
    static void stopUploads() {
        UPLOADS.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    @Tag("REQ-INGEST-312")
    void aHubKilledAtThisPointLeavesTheFileWholeOrAbsentAndTheSameFileGoesInOnceAfterTheRestart(Point point)
            throws Exception {
        NEO4J.clean();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "faults")), "crash-")
                .resolve("data");
        Path resume = data.resolveSibling("resume");
        boolean inPublish = point.lock != null;
        Map<String, String> fault = inPublish
                ? Map.of("faults.pause-at", point.message, "faults.resume", resume.toString())
                : Map.of("faults.halt-at", point.message);
        try (ChildHub hub = ChildHub.start("crash-hub", NEO4J.uri().toString(), data, TOKENS, HUB, fault, "512m")) {
            CompletableFuture<HubClient.Ingested> upload = CompletableFuture.supplyAsync(() -> send(hub), UPLOADS);
            if (inPublish) {
                hub.await("HUB-PAUSED ", Duration.ofMinutes(2));
                killInsideATransaction(hub, resume, point.lock);
            } else {
                hub.await("HUB-HALTING ", Duration.ofMinutes(2));
                assertThat(hub.awaitExit(Duration.ofSeconds(30))).as("halted as by SIGKILL").isEqualTo(137);
            }
            assertThat(upload.handle((r, e) -> e != null || r.status() != 200 || point.published).get())
                    .as("the upload got no report, unless it was all done").isTrue();
        }
        if (point == Point.PUBLISHED_BEFORE_THE_REPORT) {
            // the report is written after the publish: a kill in between leaves the data directory without it
            deleteTree(data.resolve("ingest").resolve("reports"));
            deleteTree(data.resolve("ingest").resolve("by-sha256"));
        }

        try (ChildHub again = ChildHub.start("crash-hub", NEO4J.uri().toString(), data, TOKENS, HUB, Map.of(),
                "512m")) {
            HubClient client = new HubClient(again.port());
            long lots = count("MATCH (l:Lot) RETURN count(l) AS n");
            assertThat(lots).as("the file wholly there or not at all").isEqualTo(point.published ? LOTS : 0);
            assertThat(count("MATCH (f:SourceFile {key: $k}) RETURN count(f) AS n")).isEqualTo(point.published ? 1 : 0);
            assertThat(count("MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n")).as("staged left").isZero();
            long head = head();
            assertVerifies(client, head);

            HubClient.Ingested first = client.ingest(ingester(), "big.txt", FILE);
            assertThat(first.state()).as("%s", first.report()).isEqualTo("INGESTED");
            assertThat(first.duplicate()).as("a file already in is found, not written again").isEqualTo(point.published);
            long afterFirst = head();
            assertThat(afterFirst).isEqualTo(point.published ? head : head + LOTS + 2);
            HubClient.Ingested second = client.ingest(ingester(), "big.txt", FILE);
            assertThat(second.duplicate()).isTrue();
            assertThat(head()).as("the second sending wrote nothing").isEqualTo(afterFirst);
            assertThat(count("MATCH (l:Lot) RETURN count(l) AS n")).isEqualTo(LOTS);
            assertThat(count("MATCH (l:Lot) WITH l.key AS k, count(*) AS c WHERE c > 1 RETURN count(k) AS n")).isZero();
            assertThat(count("MATCH (f:SourceFile {key: $k}) RETURN count(f) AS n")).isEqualTo(1);
            assertVerifies(client, afterFirst);
        }
    }

    // Holds a write lock ({@code lock}) so the child's next write blocks inside its transaction, lets the child go
    // on, waits until Neo4j shows its transaction blocked, kills the child, then lets go of the lock.
    private static void killInsideATransaction(ChildHub hub, Path resume, String lock) throws Exception {
        try (Session session = NEO4J.driver().session(); Transaction tx = session.beginTransaction()) {
            tx.run(lock).consume();
            Files.createFile(resume);
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (blockedTransactions() == 0) {
                assertThat(System.nanoTime()).as("the child's publish blocked on the lock").isLessThan(until);
                Thread.sleep(100);
            }
            hub.kill();
            tx.rollback();
        }
    }

    private static long blockedTransactions() {
        try (Session s = NEO4J.driver().session()) {
            return s.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n")
                    .single().get("n").asLong();
        }
    }

    private static HubClient.Ingested send(ChildHub hub) {
        try {
            return new HubClient(hub.port()).ingest(ingester(), "big.txt", FILE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // the connection died with the hub
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertVerifies(HubClient client, long treeSize) {
        JsonObject v = client.data(TOKENS.forUser("inspector", "inspector"),
                "{ verifyLedger { ok treeSize problems badEntries } }").getJsonObject("verifyLedger");
        assertThat(v.getJsonArray("problems")).as("%s", v).isEmpty();
        assertThat(v.getBoolean("ok")).as("%s", v).isTrue();
        assertThat(v.getJsonNumber("treeSize").longValue()).isEqualTo(treeSize);
    }

    private static String ingester() {
        return TOKENS.forUser("ingest", "adapter");
    }

    private static long head() {
        return count("OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.seq, 0) AS n");
    }

    private static long count(String cypher) {
        return NEO4J.db().read(tx -> tx.run(cypher, Map.of("k", SOURCE_KEY)).single().get("n").asLong());
    }

    private static byte[] bigFile() {
        StringBuilder s = new StringBuilder("#test-lines\nMaterial|CRBN0001|Carbon black\n");
        for (int i = 0; i < LOTS; i++) {
            s.append("Lot|LOT-").append(i).append("|CRBN0001\n");
            if (i == LOTS / 2) {
                s.append("Mark|middle\n");
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
