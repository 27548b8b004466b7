package org.batchledger.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchledger.hub.support.DemoData;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.verifier.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's round trip, run as written against the generated test plant (the demo's generator): its GraphQL
 * request bodies are posted verbatim (only the shell variable {@code $B} filled in), the package downloaded with the
 * inspector's token and copied away, and the verifier's {@code main} run with the README's arguments; then the
 * acceptance check's flipped byte. Prints the export and verification times of a generated batch.
 */
@Tag("REQ-EVIDENCE-002")
@Tag("REQ-EVIDENCE-006")
@Tag("REQ-EVIDENCE-011")
class EvidenceReadmeIT extends HubTestBase {
    private static final String MARK = "<!-- evidence-round-trip -->";
    private static final Pattern GQL = Pattern.compile("gql '(\\{.*?\\})'");

    @Test
    void theReadmesRoundTripExportsDownloadsAndVerifiesAReleasedBatchOffline() throws Exception {
        DemoData.ensureLoaded();
        List<String> lines = block();
        List<JsonObject> answers = new ArrayList<>();
        String batch = null;
        long exportMillis = 0;
        for (String line : lines) {
            Matcher m = GQL.matcher(line);
            if (!m.find()) {
                continue;
            }
            String body = batch == null ? m.group(1) : m.group(1).replace("\"'$B'\"", "\"" + batch + "\"");
            JsonObject request = Json.createReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .readObject();
            long start = System.nanoTime();
            Response r = graphql().post(inspector(), request.getString("query"),
                    request.containsKey("variables") ? request.getJsonObject("variables") : JsonObject.EMPTY_JSON_OBJECT);
            assertThat(r.hasErrors()).as("%s → %s", body, r.body()).isFalse();
            answers.add(r.body().getJsonObject("data"));
            if (line.startsWith("B=")) {
                batch = ((JsonString) r.at("/data/batches/edges/0/node/id")).getString();
            }
            if (line.contains("exportEvidence")) {
                exportMillis = (System.nanoTime() - start) / 1_000_000;
            }
        }
        assertThat(answers).hasSize(3);
        String key = answers.get(0).getJsonObject("ledgerCheckpoint").getString("publicKey");
        JsonObject export = answers.get(2).getJsonObject("exportEvidence");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + export.getString("downloadUrl")))
                .header("Authorization", "Bearer " + inspector()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Path away = Files.createTempDirectory(DATA_DIR, "copied-away-").resolve("evidence.zip");
        Files.write(away, zip.body());

        String javaLine = lines.stream().filter(l -> l.startsWith("java -jar")).findFirst().orElseThrow();
        assertThat(javaLine).endsWith("--vkey \"$K\" evidence.zip");
        long start = System.nanoTime();
        int exit = Main.run(new String[] {"--vkey", key, away.toString()});
        long verifyMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(exit).isZero();
        System.out.printf("Evidence of %s: %d files, %d bytes; export (GraphQL, hub side) %d ms, offline verify %d ms%n",
                batch, export.getInt("fileCount"), zip.body().length, exportMillis, verifyMillis);

        // the acceptance check: one flipped byte in the middle of the alphabetically first non-manifest file
        var files = EvidencePackageIT.unzip(zip.body());
        String first = files.keySet().stream().filter(p -> !p.substring(p.lastIndexOf('/') + 1)
                .startsWith("manifest")).sorted().findFirst().orElseThrow();
        byte[] b = files.get(first).clone();
        b[b.length / 2] ^= 1;
        files.put(first, b);
        Path bad = away.resolveSibling("evidence-bad.zip");
        Files.write(bad, EvidencePackageIT.zip(files));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int badExit = org.batchledger.verifier.evidence.VerifyCommand.run(new String[] {"--vkey", key, bad.toString()},
                print, print);
        assertThat(badExit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL file-hashes").contains(first);
    }

    private static List<String> block() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf(MARK);
        assertThat(mark).as("README marks its evidence round trip").isPositive();
        int start = readme.indexOf("```\n", mark) + 4;
        int end = readme.indexOf("```", start);
        return readme.substring(start, end).lines().toList();
    }
}
