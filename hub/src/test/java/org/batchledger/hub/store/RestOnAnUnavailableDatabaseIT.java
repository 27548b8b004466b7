package org.batchledger.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.TcpProxy;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every REST endpoint while the graph database is away (its connections reset and new ones refused by a loopback
 * relay the test cuts, as {@link DependencyOutageIT} does for GraphQL): the ledger's tlog-tiles paths, the recall CSV
 * and the ingest answer 503 with {@code Retry-After} and a small JSON body (the problem body of every other refusal;
 * the ingest its report, STORAGE_FAILED), no stack trace, no driver text or address; the failure is logged once, not
 * per request. So does the GraphQL endpoint's read-your-writes wait, which runs before any field (SERVICE_UNAVAILABLE,
 * not an unhandled 500). The downloads that need no database (an ingested original, a built evidence package) still serve.
 * When the relay is restored, the same endpoints answer again without a restart.
 */
@Tag("REQ-RELIABILITY-021")
@Tag("REQ-RELIABILITY-022")
@Tag("REQ-RELIABILITY-023")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestOnAnUnavailableDatabaseIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final TcpProxy PROXY = proxy(NEO4J.uri().getPort());
    private static final Path DATA_DIR = dataDirectory();
    private static final String MAGIC = "#test-lines";
    private static final String CORRECT = """
            mutation { correct(id: "Lot:t:LOT-OUT", reason: "weighing transcription error",
                changes: [{field: "quantity", value: "117.5"}]) { version } }""";

    @LocalServerPort
    private int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** HubTestBase's hub, but through the relay and with a data directory of its own (its own checkpoint log). */
    @DynamicPropertySource
    static void throughTheRelay(DynamicPropertyRegistry registry) {
        registry.add("batchledger.neo4j.uri", () -> "bolt://127.0.0.1:" + PROXY.port());
        registry.add("batchledger.neo4j.retry-time", () -> "2s");
        registry.add("batchledger.keycloak.issuer", () -> TestTokens.ISSUER);
        registry.add("batchledger.keycloak.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("batchledger.data-dir", DATA_DIR::toString);
    }

    @Test
    void everyRestEndpointAnswers503WithAProblemBodyWhileTheDatabaseIsAwayAndServesAgainAfter(CapturedOutput log)
            throws Exception {
        NEO4J.clean();
        Files.deleteIfExists(DATA_DIR.resolve("keys").resolve(CheckpointLog.FILE_NAME));
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "batch record"));
        JsonObject ingested = ingest("mat.txt", MAGIC + "\nMaterial|M-OUT|before the outage\n");
        assertThat(ingested.getString("status")).as("%s", ingested).isEqualTo("INGESTED");
        String sha = ingested.getString("sha256");
        String evidence = exportEvidence().getString("downloadUrl");
        assertThat(get("/ledger/checkpoint").statusCode()).isEqualTo(200);
        GraphQlHttp.Response corrected = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT);
        assertThat(corrected.hasErrors()).as("%s", corrected.body()).isFalse();
        String bookmarks = corrected.body().getJsonObject("extensions").getJsonArray("bookmarks")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .collect(java.util.stream.Collectors.joining(","));

        int logFrom = log.getOut().length();
        PROXY.cut();
        try {
            assertUnavailable(get("/ledger/checkpoint"));
            assertUnavailable(get("/ledger/tile/0/000.p/1"));
            assertUnavailable(get("/ledger/tile/entries/000.p/1"));
            assertUnavailable(get("/api/recall-impact.csv?lot=Lot:t:LOT-OUT"));
            assertUnavailable(getAccepting("/api/recall-impact.csv?lot=Lot:t:LOT-OUT", "text/csv"));
            assertThat(graphql().post(inspector(), "{ exportEvidence(scope: BATCH, id: \"Batch:t:B\") { sha256 } }")
                    .errorClass()).isEqualTo("SERVICE_UNAVAILABLE");
            // the read-your-writes wait runs before any field, in the GraphQL endpoint's interceptor
            GraphQlHttp.Response waited = graphql().post(inspector(), "{ batches(first: 1) { edges { node { id } } } }",
                    java.util.Map.of(), java.util.Map.of("X-Batchledger-Bookmarks", bookmarks), null);
            assertThat(waited.status()).as("%s", waited.body()).isEqualTo(200);
            assertThat(waited.errorClass()).as("%s", waited.body()).isEqualTo("SERVICE_UNAVAILABLE");
            assertClean(waited.body().toString());

            HttpResponse<String> refused = ingestRaw("lot.txt", MAGIC + "\nLot|L-OUT|M-OUT\n");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            JsonObject report = json(refused.body());
            assertThat(report.getString("status")).isEqualTo("STORAGE_FAILED");
            assertThat(report.getJsonArray("errors").getJsonObject(0).getString("rule"))
                    .isEqualTo("DATABASE-UNAVAILABLE");
            assertClean(refused.body());

            // what needs no database still serves: the kept original, the built package
            HttpResponse<String> original = get("/api/source-files/" + sha);
            assertThat(original.statusCode()).isEqualTo(200);
            assertThat(original.body()).contains("before the outage");
            assertThat(get(evidence).statusCode()).isEqualTo(200);
        } finally {
            PROXY.restore();
        }
        String outage = log.getOut().substring(logFrom);
        assertThat(outage.lines().filter(l -> l.contains("DatabaseOutages - Neo4j unavailable:")))
                .as("one line for the outage, not one per request: %s", outage).hasSize(1);
        assertThat(outage).as("no stack trace, the driver's retries included").doesNotContain("\tat org.");

        HttpResponse<String> again = null;
        for (int i = 0; i < 60 && (again == null || again.statusCode() != 200); i++) {
            Thread.sleep(500);
            again = get("/ledger/checkpoint");
        }
        assertThat(again.statusCode()).as("served again without a restart: %s", again.body()).isEqualTo(200);
        assertThat(get("/api/recall-impact.csv?lot=Lot:t:LOT-OUT").statusCode()).isEqualTo(200);
        assertThat(ingest("lot.txt", MAGIC + "\nLot|L-OUT|M-OUT\n").getString("status")).isEqualTo("INGESTED");
    }

    private static void assertUnavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("%s %s", r.uri(), r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).as("%s", r.uri()).hasValue("5");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        JsonObject problem = json(r.body());
        assertThat(problem.getInt("status")).isEqualTo(503);
        assertThat(problem.getString("title")).isEqualTo("Service Unavailable");
        assertThat(problem.getString("detail")).contains("not reachable now", "nothing was written");
        assertClean(r.body());
    }

    private static void assertClean(String body) {
        assertThat(body).doesNotContain("Exception", "127.0.0.1", "bolt", "at org.", "trace", String.valueOf(
                NEO4J.uri().getPort()));
    }

    private JsonObject exportEvidence() {
        GraphQlHttp.Response r = graphql().post(inspector(),
                "{ exportEvidence(scope: BATCH, id: \"Batch:t:B\") { downloadUrl } }");
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data").getJsonObject("exportEvidence");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return getAccepting(path, "*/*");
    }

    private HttpResponse<String> getAccepting(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + inspector())
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject ingest(String name, String content) throws IOException, InterruptedException {
        HttpResponse<String> r = ingestRaw(name, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body());
    }

    private HttpResponse<String> ingestRaw(String name, String content) throws IOException, InterruptedException {
        String boundary = "----outage" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest"))
                .timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + TOKENS.forUser("ingest", "adapter"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content.getBytes(StandardCharsets.UTF_8),
                        tail))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private GraphQlHttp graphql() {
        return new GraphQlHttp(port);
    }

    private static String inspector() {
        return TOKENS.forUser("inspector", "inspector");
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hub-rest-outage-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TcpProxy proxy(int port) {
        try {
            return new TcpProxy(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
