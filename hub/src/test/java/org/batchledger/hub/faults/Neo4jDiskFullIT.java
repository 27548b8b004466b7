package org.batchledger.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The embedded Neo4j's own directory (store files, transaction logs) on a small tmpfs, filled up while the hub writes
 * through its write path: a single GraphQL write, an ingest, and a large ingest filled up between two of its
 * chunks. What Neo4j does: the commit that cannot append to its transaction log fails and the database "panics";
 * every later transaction, reads too, fails until the database is restarted, even after space is freed (Neo4j
 * Community cannot restart one database). What the hub does: a typed SERVICE_UNAVAILABLE (GraphQL) or STORAGE_FAILED
 * (ingest, HTTP 503) naming the full disk, nothing written, one log line rather than a stack trace per request, the
 * process up; a restart once space is freed recovers everything committed and nothing else (the half-written
 * file's staged chunks are removed), and the refused write and files go in once when sent again. Skipped where
 * tmpfs cannot be mounted (not root, not Linux, a container without the capability).
 */
@Tag("REQ-RELIABILITY-016")
@Tag("REQ-RELIABILITY-017")
@Tag("REQ-RELIABILITY-018")
@Tag("REQ-RELIABILITY-019")
@Tag("REQ-RELIABILITY-020")
@Tag("REQ-RELIABILITY-021")
class Neo4jDiskFullIT {
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String NAME = "diskfull-hub";
    private static final int BIG_LOTS = 400;
    private static final Map<String, String> HUB = Map.of("batchledger.neo4j.embedded.bolt-port", "0",
            "batchledger.ingest.chunk-records", "100");
    private static Path root;
    private static Path home;
    private static boolean mounted;

    @BeforeAll
    static void mountASmallDiskForNeo4j() throws Exception {
        root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "faults")), "diskfull-")
                .toAbsolutePath();
        home = Files.createDirectories(root.resolve("data").resolve("neo4j"));
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs needs Linux");
        String out = run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", home.toString());
        mounted = out == null;
        Assumptions.assumeTrue(mounted, () -> "cannot mount a small tmpfs for Neo4j's directory (needs root or "
                + "CAP_SYS_ADMIN): " + out);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            String out = run("umount", home.toString());
            if (out != null) {
                run("umount", "-l", home.toString()); // still busy: detach now, freed when the last user exits
            }
        }
    }

    @Test
    void aFullDiskUnderNeo4jIsRefusedTypedWritesNothingAndARestartWithRoomRecoversAll() throws Exception {
        Path data = root.resolve("data");
        Path log = root.resolve(NAME + ".log");
        long headBefore;
        int corrected;
        try (ChildHub hub = ChildHub.start(NAME, "", data, TOKENS, HUB, Map.of(), "512m")) {
            HubClient client = new HubClient(hub.port());
            assertThat(client.ingest(ingester(), "a.txt", lots("A", 5)).state()).isEqualTo("INGESTED");
            headBefore = verified(client);

            fill();
            corrected = correctUntilRefused(client);
            headBefore += corrected; // each correction that fitted is one entry

            HubClient.Ingested b = client.ingest(ingester(), "b.txt", lots("B", 5));
            assertThat(b.status()).isEqualTo(503);
            assertThat(b.state()).isEqualTo("STORAGE_FAILED");
            JsonObject finding = b.report().getJsonArray("errors").getJsonObject(0);
            assertThat(finding.getString("rule")).isEqualTo("DATABASE-FAILED");
            assertThat(finding.getString("message")).contains("disk is full").contains("nothing");

            // the hub is up: reads answer at once, typed, while Neo4j has stopped serving
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                GraphQlHttp.Response r = client.graphql(inspector(), "{ lots(first: 5) { edges { node { key } } } }");
                assertUnavailable(r, "disk is full");
                assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(10));
            }
            assertThat(hub.alive()).isTrue();
            // the REST endpoints too: 503, a retry after the restart it needs, the problem body; no unhandled 500
            java.net.http.HttpResponse<String> checkpoint = rest(hub, "/ledger/checkpoint");
            assertThat(checkpoint.statusCode()).as("%s", checkpoint.body()).isEqualTo(503);
            assertThat(checkpoint.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(checkpoint.body()).contains("\"status\":503", "disk is full", "nothing of this request")
                    .doesNotContain("Transaction #").doesNotContain(home.toString()).doesNotContain("Exception");
            // not ready, and not live either: only a restart brings Neo4j back (an orchestrator's probe does it)
            assertThat(health(hub, "readiness")).isEqualTo(503);
            assertThat(health(hub, "liveness")).isEqualTo(503);

            free();
            // Neo4j stays stopped with room again (it needs a restart): still typed, now without "full"
            assertUnavailable(client.graphql(inspector(), "{ lots(first: 5) { edges { node { key } } } }"),
                    "restarted");
            assertThat(health(hub, "liveness")).isEqualTo(503);
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.stream().filter(l -> l.contains(" ERROR o.b.")).toList())
                .as("one line for the failing database, not one per request, and one for the refused file")
                .hasSize(2).anyMatch(l -> l.contains("Neo4j failed (")).anyMatch(l -> l.contains("ingest b.txt"));
        assertThat(lines).as("no stack trace through the hub").noneMatch(l -> l.contains("at org.batchledger."));

        int linesBefore = lines.size();
        Path resume = root.resolve("resume");
        long headAfterRetries;
        try (ChildHub hub = ChildHub.start(NAME, "", data, TOKENS, HUB,
                Map.of("faults.pause-at", "big.txt: 200 of", "faults.resume", resume.toString()), "512m")) {
            HubClient client = new HubClient(hub.port());
            assertThat(health(hub, "liveness")).isEqualTo(200);
            assertThat(verified(client)).as("what committed before the disk filled, and nothing else")
                    .isEqualTo(headBefore);
            assertThat(lotKeys(client)).hasSize(5);

            GraphQlHttp.Response retried = correct(client, "A", corrected);
            assertThat(retried.hasErrors()).as("%s", retried.body()).isFalse();
            HubClient.Ingested b = client.ingest(ingester(), "b.txt", lots("B", 5));
            assertThat(b.state()).as("%s", b.report()).isEqualTo("INGESTED");
            assertThat(b.duplicate()).isFalse();
            assertThat(client.ingest(ingester(), "b.txt", lots("B", 5)).duplicate()).isTrue();
            headAfterRetries = verified(client);
            assertThat(headAfterRetries).isEqualTo(headBefore + 1 + 7);

            // a large file: the disk fills after its first chunks were staged
            CompletableFuture<HubClient.Ingested> big = CompletableFuture.supplyAsync(() -> send(client));
            hub.await("HUB-PAUSED ", Duration.ofMinutes(1));
            fill();
            Files.createFile(resume);
            HubClient.Ingested refused = big.get(2, TimeUnit.MINUTES);
            assertThat(refused.state()).as("%s", refused.report()).isEqualTo("STORAGE_FAILED");
            assertThat(refused.status()).isEqualTo(503);
            free();
        }

        try (ChildHub hub = ChildHub.start(NAME, "", data, TOKENS, HUB, Map.of(), "512m")) {
            HubClient client = new HubClient(hub.port());
            assertThat(verified(client)).as("nothing of the half-written file").isEqualTo(headAfterRetries);
            assertThat(lotKeys(client)).as("no staged lot visible").hasSize(10);
            List<String> restart = Files.readAllLines(log).subList(linesBefore, Files.readAllLines(log).size());
            assertThat(restart).anyMatch(l -> l.contains("recovered the ingest of big.txt"));

            HubClient.Ingested big = send(client);
            assertThat(big.state()).as("%s", big.report()).isEqualTo("INGESTED");
            assertThat(big.duplicate()).isFalse();
            assertThat(send(client).duplicate()).as("sent again, written once").isTrue();
            assertThat(verified(client)).isEqualTo(headAfterRetries + BIG_LOTS + 2);
            assertThat(lotKeys(client)).hasSize(10 + BIG_LOTS).doesNotHaveDuplicates();
        }
    }

    // Corrections of one lot until the disk refuses one (a small commit may still fit in the last page of the log):
    // the ones before it are written, the refused one is typed and wrote nothing. Returns how many were written.
    private static int correctUntilRefused(HubClient client) {
        for (int i = 0; i < 20; i++) {
            GraphQlHttp.Response r = correct(client, "A", i);
            if (r.hasErrors()) {
                assertUnavailable(r, "disk is full");
                return i;
            }
            assertThat(r.body().getJsonObject("data").getJsonObject("correct").getInt("version")).isEqualTo(i + 2);
        }
        throw new AssertionError("20 corrections fitted on a full disk");
    }

    private static GraphQlHttp.Response correct(HubClient client, String prefix, int n) {
        return client.graphql(TOKENS.forUser("operator", "operator"), "mutation { correct(id: \"Lot:site:" + prefix
                + "-L0\", reason: \"weighing transcription error\", changes: [{field: \"quantity\", value: \"" + (10 + n)
                + ".5\"}]) { version } }");
    }

    private static void assertUnavailable(GraphQlHttp.Response r, String says) {
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        assertThat(r.errorClass()).as("%s", r.body()).isEqualTo("SERVICE_UNAVAILABLE");
        String message = r.body().getJsonArray("errors").getJsonObject(0).getString("message");
        assertThat(message).contains(says).contains("nothing of this request was written")
                .doesNotContain("Transaction #").doesNotContain(home.toString());
    }

    // The ledger verifies; its size.
    private static long verified(HubClient client) {
        JsonObject v = client.data(inspector(), "{ verifyLedger { ok treeSize problems badEntries } }")
                .getJsonObject("verifyLedger");
        assertThat(v.getJsonArray("problems")).as("%s", v).isEmpty();
        assertThat(v.getBoolean("ok")).as("%s", v).isTrue();
        return v.getJsonNumber("treeSize").longValue();
    }

    private static java.net.http.HttpResponse<String> rest(ChildHub hub, String path) throws IOException,
            InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + hub.port() + path)).header("Authorization", "Bearer " + inspector())
                .timeout(Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static int health(ChildHub hub, String probe) throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + hub.port() + "/actuator/health/" + probe)).timeout(Duration.ofSeconds(30))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> lotKeys(HubClient client) {
        List<String> keys = new java.util.ArrayList<>();
        String after = null;
        while (true) {
            JsonObject page = client.data(inspector(), "{ lots(first: 100" + (after == null ? "" : ", after: \""
                    + after + "\"") + ") { edges { node { key } } pageInfo { hasNextPage endCursor } } }")
                    .getJsonObject("lots");
            page.getJsonArray("edges").forEach(e -> keys.add(e.asJsonObject().getJsonObject("node").getString("key")));
            if (!page.getJsonObject("pageInfo").getBoolean("hasNextPage")) {
                return keys;
            }
            after = page.getJsonObject("pageInfo").getString("endCursor");
        }
    }

    private static HubClient.Ingested send(HubClient client) {
        try {
            return client.ingest(ingester(), "big.txt", lots("BIG", BIG_LOTS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Fills the tmpfs to the last byte (big writes, then small ones for the rest).
    private static void fill() throws IOException {
        try (FileChannel ch = FileChannel.open(home.resolve("filler"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int size = 1 << 20; size >= 512; size /= 4) {
                ByteBuffer buffer = ByteBuffer.allocate(size);
                try {
                    while (true) {
                        buffer.clear();
                        ch.write(buffer);
                    }
                } catch (IOException full) {
                    // no room for this size: go on with a smaller one
                }
            }
        }
        assertThat(Files.getFileStore(home).getUsableSpace()).isLessThan(64 * 1024);
    }

    private static void free() throws IOException {
        Files.delete(home.resolve("filler"));
    }

    private static byte[] lots(String prefix, int n) {
        StringBuilder s = new StringBuilder("#test-lines\nMaterial|M-" + prefix + "|material\n");
        for (int i = 0; i < n; i++) {
            s.append("Lot|").append(prefix).append("-L").append(i).append("|M-").append(prefix).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String ingester() {
        return TOKENS.forUser("ingest", "adapter");
    }

    private static String inspector() {
        return TOKENS.forUser("inspector", "inspector");
    }

    /** Runs a command; null when it succeeded, else its output and exit status. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? null : out + " (exit " + p.exitValue() + ")";
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
