package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchledger.hub.support.HubTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ingest ITs' one hub (a 1 MiB size limit) and their HTTP helpers; each test starts from an empty ledger. */
abstract class IngestTestBase extends HubTestBase {
    static final long MAX_BYTES = 1024 * 1024;
    static final String LOT_FILE = TestLinesAdapter.MAGIC + "\nLot|LOT-20121210-0001|CRBN0001\n";
    static final String MAT_FILE = TestLinesAdapter.MAGIC + "\nMaterial|CRBN0001|Carbon black N330\n";
    @TempDir
    Path dir;

    @DynamicPropertySource
    static void smallLimit(DynamicPropertyRegistry registry) {
        registry.add("batchledger.ingest.max-bytes", () -> Long.toString(MAX_BYTES));
    }

    @BeforeEach
    void emptyLedger() {
        cleanLedger();
    }

    JsonObject data(String query) {
        var r = graphql().post(inspector(), query);
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data");
    }

    static void assertRefused(IngestClient.Answer a, int status, String rule) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.body()).as(a.body()).contains("\"rule\":\"" + rule + "\"");
    }

    IngestClient.Answer post(String name, String content, Map<String, String> fields) throws Exception {
        return postBytes(name, content.getBytes(StandardCharsets.UTF_8), fields);
    }

    IngestClient.Answer postBytes(String name, byte[] content, Map<String, String> fields) throws Exception {
        Path f = Files.write(dir.resolve(name), content);
        return new IngestClient(URI.create("http://127.0.0.1:" + port)).post(f, TOKENS.forUser("ingest", "adapter"),
                fields);
    }

    HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject json(IngestClient.Answer a) {
        return Json.createReader(new StringReader(a.body())).readObject();
    }

    static long head() {
        return NEO4J.db().read(tx -> tx.run("OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.seq, 0) AS n",
                Map.of()).single().get("n").asLong());
    }
}
