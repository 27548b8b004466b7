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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchledger.hub.support.DemoData;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.verifier.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import java.time.Duration;
import java.time.Instant;

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
    private static final String RECALL_MARK = "<!-- evidence-recall-round-trip -->";
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

    /**
     * REQ-EVIDENCE-006: a batch at the end of a 10-level genealogy (each level a batch consuming the lot of the one
     * before and a raw lot) with about 2,000 records in its package: 1,800 step records of its own and 20 test results
     * on each lot, exported (GraphQL, the hub building the ZIP) and verified offline whole; the times are printed.
     */
    @Test
    void aBatchWithATenLevelGenealogyAndAbout2000RecordsExportsAndVerifiesInSeconds() throws Exception {
        DemoData.ensureLoaded();
        String ns = "ev10-" + Long.toString(System.nanoTime(), 36) + ":";
        List<LedgerRecord> records = new ArrayList<>();
        Instant t = Instant.parse("2026-10-01T06:00:00Z");
        records.add(new Material(ns + "MAT", "Chain material", Material.MaterialKind.INTERMEDIATE, "kg", prov(ns, t)));
        String previousLot = null;
        for (int level = 0; level < 10; level++) {
            String batch = ns + "B" + level;
            String lot = ns + "L" + level;
            String raw = ns + "R" + level;
            Instant at = t.plus(Duration.ofDays(level));
            records.add(new Lot(raw, ns + "MAT", Lot.LotStatus.RELEASED, 10.0, "kg", "S", "S-" + level, null,
                    prov(raw, at)));
            records.add(new Batch(batch, ns + "MAT", "LEVEL-" + level, Batch.BatchStatus.COMPLETED, "MBR", at,
                    at.plusSeconds(3600), prov(batch, at)));
            records.add(new Lot(lot, ns + "MAT", Lot.LotStatus.RELEASED, 10.0, "kg", null, null, null, prov(lot, at)));
            records.add(new Consumption(ns + "C" + level, raw, batch, 1.0, "kg", "charge", at, prov("c" + level, at)));
            if (previousLot != null) {
                records.add(new Consumption(ns + "CP" + level, previousLot, batch, 1.0, "kg", "charge", at,
                        prov("cp" + level, at)));
            }
            records.add(new Production(ns + "P" + level, batch, lot, 9.0, "kg", prov("p" + level, at)));
            for (int i = 0; i < 20; i++) {
                records.add(new TestResult(ns + "T" + level + "-" + i, new RecordRef(RecordType.LOT, lot), null,
                        "Assay " + i, "USP", "99." + i, "%", 95.0, 105.0, TestResult.TestOutcome.PASS,
                        at.plusSeconds(7200), "Ana Lyst", prov("t" + level + "-" + i, at.plusSeconds(7200))));
            }
            previousLot = lot;
        }
        String top = ns + "B9";
        Instant stepsAt = t.plus(Duration.ofDays(9));
        for (int i = 0; i < 1800; i++) {
            records.add(new StepRecord(ns + "S" + i, top, "step " + (i / 100), "p" + i, Integer.toString(i), "u", null,
                    null, stepsAt.plusSeconds(i), "Olivia Operator", prov("s" + i, stepsAt.plusSeconds(i))));
        }
        NEO4J.writer().write(WriteRequest.of(records, new Actor("sub-op", "Olivia Operator", List.of("operator"),
                "test"), "ten-level chain"));

        long start = System.nanoTime();
        Response r = graphql().post(inspector(), "query($b: ID!) { exportEvidence(scope: BATCH, id: $b) "
                + "{ downloadUrl fileCount sizeBytes } }", Json.createObjectBuilder().add("b", "Batch:" + top).build());
        long exportMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        JsonObject export = r.body().getJsonObject("data").getJsonObject("exportEvidence");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + export.getString("downloadUrl")))
                .header("Authorization", "Bearer " + inspector()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        Path file = Files.createTempDirectory(DATA_DIR, "chain-").resolve("evidence.zip");
        Files.write(file, zip.body());
        String key = ((JsonString) graphql().post(inspector(), "{ ledgerCheckpoint { publicKey } }")
                .at("/data/ledgerCheckpoint/publicKey")).getString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        start = System.nanoTime();
        int exit = org.batchledger.verifier.evidence.VerifyCommand.run(new String[] {"--vkey", key, file.toString()},
                print, print);
        long verifyMillis = (System.nanoTime() - start) / 1_000_000;
        String report = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(report).isZero();
        assertThat(report).contains("the walk from Batch:" + top).contains("reaches the 29 nodes listed");
        int entries = (int) EvidencePackageIT.unzip(zip.body()).keySet().stream()
                .filter(p -> p.startsWith("entries/")).count();
        assertThat(entries).isBetween(2_000, 2_300);
        // the same export again: the hub's queries are planned and its code compiled (the figure an inspection sees)
        start = System.nanoTime();
        Response again = graphql().post(inspector(), "query($b: ID!) { exportEvidence(scope: BATCH, id: $b) "
                + "{ fileCount } }", Json.createObjectBuilder().add("b", "Batch:" + top).build());
        long warmMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(again.hasErrors()).as("%s", again.body()).isFalse();
        System.out.printf("Evidence of a 10-level chain: %d entries, %d files, %d bytes; export %d ms (again: %d ms), "
                        + "verify %d ms%n", entries, export.getInt("fileCount"), zip.body().length, exportMillis,
                warmMillis, verifyMillis);
        // times are figures for bench/RESULTS.md, not assertions: the build machine is shared and noisy
    }

    private static Provenance prov(String locator, Instant at) {
        return new Provenance("mes:test", locator, "operator", at.plusSeconds(60), at);
    }

    /**
     * REQ-EVIDENCE-044: the README's recall round trip, run as written after the batch block's K and B lines: the
     * released batch's first input lot is recalled, the package downloaded, copied away and verified by the jar's
     * main with the README's arguments, and recall-impact passes.
     */
    @Test
    @Tag("REQ-EVIDENCE-044")
    @Tag("REQ-EVIDENCE-038")
    void theReadmesRecallRoundTripExportsDownloadsAndVerifiesARecallOffline() throws Exception {
        DemoData.ensureLoaded();
        Map<String, String> vars = new java.util.HashMap<>();
        List<String> lines = new ArrayList<>(block(MARK).stream().filter(l -> l.startsWith("K=") || l.startsWith("B="))
                .toList());
        List<String> recall = block(RECALL_MARK);
        lines.addAll(recall);
        long exportMillis = 0;
        String url = null;
        for (String line : lines) {
            Matcher m = GQL.matcher(line);
            if (!m.find()) {
                continue;
            }
            String body = m.group(1);
            for (var v : vars.entrySet()) {
                body = body.replace("\"'$" + v.getKey() + "'\"", "\"" + v.getValue() + "\"");
            }
            JsonObject request = Json.createReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .readObject();
            long start = System.nanoTime();
            Response r = graphql().post(inspector(), request.getString("query"),
                    request.containsKey("variables") ? request.getJsonObject("variables") : JsonObject.EMPTY_JSON_OBJECT);
            assertThat(r.hasErrors()).as("%s → %s", body, r.body()).isFalse();
            // each line's python3 one-liner, as a JSON pointer
            String pointer = "/" + String.join("/", Pattern.compile("\\[\"?([A-Za-z0-9_]+)\"?\\]")
                    .matcher(line.substring(line.indexOf("json.load"))).results().map(x -> x.group(1)).toList());
            String value = r.at(pointer) instanceof JsonString js ? js.getString() : r.at(pointer).toString();
            vars.put(line.substring(0, line.indexOf('=')), value);
            if (line.contains("exportEvidence")) {
                exportMillis = (System.nanoTime() - start) / 1_000_000;
                url = value;
            }
        }
        assertThat(vars).containsKeys("K", "B", "L", "URL");
        assertThat(vars.get("L")).startsWith("Lot:");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + url))
                .header("Authorization", "Bearer " + inspector()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Path away = Files.createTempDirectory(DATA_DIR, "recall-away-").resolve("recall.zip");
        Files.write(away, zip.body());

        String javaLine = recall.stream().filter(l -> l.startsWith("java -jar")).findFirst().orElseThrow();
        assertThat(javaLine).endsWith("--vkey \"$K\" recall.zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int exit = org.batchledger.verifier.evidence.VerifyCommand.run(new String[] {"--vkey", vars.get("K"),
                away.toString()}, print, print);
        long verifyMillis = (System.nanoTime() - start) / 1_000_000;
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("PASS recall-impact: the downstream walk from " + vars.get("L"))
                .contains("PASS report-attachment");
        System.out.printf("Recall evidence of %s: %d bytes; export (GraphQL, hub side) %d ms, offline verify %d ms%n%s",
                vars.get("L"), zip.body().length, exportMillis, verifyMillis, report);
    }

    private static List<String> block() throws Exception {
        return block(MARK);
    }

    private static List<String> block(String marker) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf(marker);
        assertThat(mark).as("README marks its evidence round trip").isPositive();
        int start = readme.indexOf("```\n", mark) + 4;
        int end = readme.indexOf("```", start);
        return readme.substring(start, end).lines().toList();
    }
}
