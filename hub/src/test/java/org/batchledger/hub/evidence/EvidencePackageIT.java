package org.batchledger.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.hub.evidence.report.ReportText;
import org.batchledger.hub.evidence.report.VeraPdf;
import org.batchledger.verifier.Main;
import org.batchledger.verifier.evidence.VerifyCommand;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An inspector's round trip over real HTTP: a released batch with a correction is exported as of a checkpoint,
 * downloaded with the inspector's token and verified in-process by the verifier jar's code; then each tamper case
 * of issue 16 edits a copy of that package and the verifier fails naming the check. Edits that would only break a
 * file hash are re-sealed with the hub's own key (manifest hashes recomputed, manifest re-signed), so what fails is
 * the check under test and not the manifest: the case of a key holder, or a bug in the exporter.
 */
@Tag("REQ-EVIDENCE-002")
@Tag("REQ-EVIDENCE-004")
class EvidencePackageIT extends HubTestBase {
    private static final String BATCH = "Batch:" + ReleasePlant.BATCH;
    private static final String ORIGIN = "batchledger.hub/ledger";
    private static Map<String, byte[]> exported;
    private static String vkey;
    private static long asOf;

    @DynamicPropertySource
    static void specifications(DynamicPropertyRegistry registry) {
        registry.add("batchledger.release.specifications",
                () -> Path.of("src/test/resources/release/specifications.json").toAbsolutePath().toString());
    }

    @BeforeEach
    void releasedBatchExportedOnce() throws Exception {
        if (exported != null) {
            return;
        }
        cleanLedger();
        ReleasePlant.ready().write(NEO4J.writer());
        Response corrected = correct("StepRecord:rp:SR-1", "value", "96");
        assertThat(corrected.hasErrors()).as("%s", corrected.body()).isFalse();
        Response released = graphql().post(TOKENS.authenticatedAt(Instant.now(), "releaser", "qa-release"), """
                mutation { disposition(batch: "%s", decision: RELEASED, justification: "evidence round trip")
                  { decision } }""".formatted(BATCH));
        assertThat(released.hasErrors()).as("%s", released.body()).isFalse();
        Response cp = graphql().post(inspector(), "{ ledgerCheckpoint { treeSize publicKey } }");
        asOf = Long.parseLong(cp.at("/data/ledgerCheckpoint/treeSize").toString());
        vkey = ((jakarta.json.JsonString) cp.at("/data/ledgerCheckpoint/publicKey")).getString();
        assertThat(correct("StepRecord:rp:SR-2", "value", "3.2").hasErrors()).isFalse(); // the head moves on

        Response export = graphql().post(inspector(), "query($id: ID!, $asOf: Int) { exportEvidence(scope: BATCH, "
                + "id: $id, asOf: $asOf) { downloadUrl sha256 sizeBytes fileCount asOf latest } }",
                Json.createObjectBuilder().add("id", BATCH).add("asOf", asOf).build());
        assertThat(export.hasErrors()).as("%s", export.body()).isFalse();
        JsonObject e = export.body().getJsonObject("data").getJsonObject("exportEvidence");
        assertThat(e.getInt("asOf")).isEqualTo((int) asOf);
        assertThat(e.getInt("latest")).isGreaterThan((int) asOf);
        byte[] zip = download(e.getString("downloadUrl"), inspector()).body();
        assertThat(Sha256.hex(zip)).isEqualTo(e.getString("sha256"));
        assertThat((long) zip.length).isEqualTo(e.getJsonNumber("sizeBytes").longValue());
        exported = unzip(zip);
        assertThat(exported).hasSize(e.getInt("fileCount"));
    }

    @Test
    void anInspectorsExportDownloadedAndCopiedAwayVerifiesWithTheJarsMain() throws Exception {
        Path away = Files.createTempDirectory(DATA_DIR, "inspector-").resolve("package.zip");
        Files.write(away, zip(exported));

        assertThat(Main.run(new String[] {"--vkey", vkey, away.toString()})).isZero();
        Outcome o = verify(exported);
        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).contains("PASS genealogy-snapshot: 1 disposition snapshot(s) of " + BATCH)
                .contains("PASS audit-trail").contains("PASS signatures: 4 signatures")
                .contains("PASS consistency-proof: the tree of size " + asOf);
        assertThat(new String(exported.get("audit.json"), StandardCharsets.UTF_8))
                .contains("\"field\": \"value\"").contains("\"old\": \"95\"").contains("\"new\": \"96\"");
        assertThat(exported.keySet()).contains("manifest.json", "manifest.sig", "checkpoints/as-of.note",
                "checkpoints/latest.note", "proofs/consistency.json", "genealogy.json", "sources/index.json");
    }

    @Test
    @Tag("REQ-EVIDENCE-003")
    void theReportIsPdfA3AttachingTheStageOneManifestAndShowsTheCorrectionAndTheSignatures() throws Exception {
        byte[] pdf = exported.get("report.pdf");
        JsonObject manifest = json(exported.get("manifest.json"));
        JsonObject slot = manifest.getJsonObject("report");
        assertThat(slot.getString("path")).isEqualTo("report.pdf");
        assertThat(slot.getString("sha256")).isEqualTo(Sha256.hex(pdf));

        byte[] attached;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var names = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(names).containsOnlyKeys("manifest.json");
            attached = names.get("manifest.json").getEmbeddedFile().toByteArray();
        }
        assertThat(Sha256.hex(attached)).isEqualTo(slot.getString("attachedManifestSha256"));
        assertThat(json(attached)).isEqualTo(with(manifest, "report", JsonValue.NULL));

        var verdict = VeraPdf.validate(pdf, org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_U);
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.compliant()).isTrue();
        String text = ReportText.of(pdf).flat();
        assertThat(text).contains(BATCH.substring("Batch:".length())).contains("Changed since original entry")
                .contains("95").contains("96");

        Map<String, byte[]> bad = copy();
        byte[] b = pdf.clone();
        b[b.length / 2] ^= 1;
        bad.put("report.pdf", b);
        Outcome o = verify(bad);
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL file-hashes");
    }

    /** The acceptance check's own flow: one flipped byte in the middle of the first non-manifest file. */
    @Test
    @Tag("REQ-EVIDENCE-011")
    void oneFlippedByteInTheFirstNonManifestFileFails() throws Exception {
        String first = exported.keySet().stream().filter(p -> !p.substring(p.lastIndexOf('/') + 1)
                .startsWith("manifest")).sorted().findFirst().orElseThrow();
        Map<String, byte[]> bad = copy();
        byte[] b = bad.get(first).clone();
        b[b.length / 2] ^= 1;
        bad.put(first, b);

        Outcome o = verify(bad);

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL file-hashes: 1 problem(s): " + first + " has sha256");
    }

    @Test
    @Tag("REQ-EVIDENCE-012")
    void oneByteOfALeafFailsItsInclusionProof() throws Exception {
        Map<String, byte[]> bad = resealed(files -> {
            String path = entryOf(files, "Batch");
            files.put(path, replaceOnce(files.get(path), "\"action\":\"", "\"action\":\"X"));
            return files;
        });
        assertFails(bad, "inclusion-proofs", "leaf hash of entries/");
    }

    @Test
    @Tag("REQ-EVIDENCE-012")
    void aRecordThatNoLongerMatchesItsEntryFails() throws Exception {
        Map<String, byte[]> bad = resealed(files -> {
            String path = entryOf(files, "TestResult").replace("entries/", "records/");
            files.put(path, replaceOnce(files.get(path), "\"key\":\"", "\"key\":\"x"));
            return files;
        });
        assertFails(bad, "records", "committed contentHash");
    }

    @Test
    @Tag("REQ-EVIDENCE-013")
    void aPackageResignedWithAnotherKeyPlacedInsideItFails() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteSigner forger = new NoteSigner(ORIGIN, other.getPrivate(), other.getPublic());
        Map<String, byte[]> bad = copy();
        byte[] manifest = replaceOnce(bad.get("manifest.json"), "\"verifierKey\": \"", "\"verifierKey\": \""
                + forger.verifierKey() + "\", \"was\": \"");
        bad.put("manifest.json", manifest);
        bad.put("manifest.sig", manifestNote(forger, manifest));

        assertFails(bad, "manifest-signature", "has no signature by key " + ORIGIN);
    }

    @Test
    @Tag("REQ-EVIDENCE-014")
    void eachMalformedInclusionProofFails() throws Exception {
        String proof = "proofs/inclusion/" + seqOf(entryOf(exported, "Batch")) + ".json";
        Map<String, UnaryOperator<JsonObject>> cases = new LinkedHashMap<>();
        cases.put("index ≥ size", p -> with(p, "leafIndex", Json.createValue(asOf)));
        cases.put("another size", p -> with(p, "treeSize", Json.createValue(asOf - 1)));
        cases.put("extra hash", p -> with(p, "hashes", hashes(p, h -> h.add(h.size() > 0 ? h.get(0) : "00"))));
        cases.put("missing hash", p -> with(p, "hashes", hashes(p, h -> h.remove(h.size() - 1))));
        cases.put("reordered hashes", p -> with(p, "hashes", hashes(p, h -> h.add(h.remove(0)))));
        for (var c : cases.entrySet()) {
            Map<String, byte[]> bad = resealed(files -> {
                files.put(proof, bytes(c.getValue().apply(json(files.get(proof)))));
                return files;
            });
            Outcome o = verify(bad);
            assertThat(o.exit()).as(c.getKey()).isEqualTo(1);
            assertThat(o.out()).as(c.getKey()).contains("FAIL inclusion-proofs: 1 problem(s): " + proof);
        }
    }

    @Test
    @Tag("REQ-EVIDENCE-015")
    void aForkedHistoryFailsTheConsistencyProof() throws Exception {
        Map<String, byte[]> badProof = resealed(files -> {
            JsonObject p = json(files.get("proofs/consistency.json"));
            files.put("proofs/consistency.json", bytes(with(p, "hashes", hashes(p, h -> h.set(0,
                    "0".repeat(64))))));
            return files;
        });
        assertFails(badProof, "consistency-proof", "proofs/consistency.json: the consistency proof");

        // old > new: the later checkpoint given as the as-of one and the other way round
        Map<String, byte[]> swapped = resealed(files -> {
            byte[] asOfNote = files.get("checkpoints/as-of.note");
            files.put("checkpoints/as-of.note", files.get("checkpoints/latest.note"));
            files.put("checkpoints/latest.note", asOfNote);
            JsonObject m = json(files.get("manifest.json"));
            JsonObject a = m.getJsonObject("asOf");
            JsonObject l = m.getJsonObject("latest");
            m = with(with(m, "asOf", with(l, "note", Json.createValue("checkpoints/as-of.note"))), "latest",
                    with(a, "note", Json.createValue("checkpoints/latest.note")));
            files.put("manifest.json", bytes(m));
            JsonObject p = json(files.get("proofs/consistency.json"));
            files.put("proofs/consistency.json", bytes(with(with(with(with(p, "fromSize", p.get("toSize")),
                    "toSize", p.get("fromSize")), "fromRoot", p.get("toRoot")), "toRoot", p.get("fromRoot"))));
            return files;
        });
        assertFails(swapped, "consistency-proof", "larger than the new size");

        // equal sizes, different roots: a key holder signs a second history of the as-of size
        NoteSigner hub = HubKeys.loadOrCreate(DATA_DIR.resolve("keys"), ORIGIN);
        byte[] otherRoot = Sha256.of("fork".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> fork = resealed(files -> {
            files.put("checkpoints/latest.note", hub.sign(Checkpoint.at(ORIGIN, asOf, otherRoot, Instant.now()))
                    .getBytes(StandardCharsets.UTF_8));
            JsonObject m = json(files.get("manifest.json"));
            files.put("manifest.json", bytes(with(m, "latest", with(with(m.getJsonObject("latest"), "treeSize",
                    Json.createValue(asOf)), "rootHash", Json.createValue(java.util.HexFormat.of()
                    .formatHex(otherRoot))))));
            JsonObject p = json(files.get("proofs/consistency.json"));
            files.put("proofs/consistency.json", bytes(with(with(with(p, "toSize", Json.createValue(asOf)), "toRoot",
                    Json.createValue(java.util.HexFormat.of().formatHex(otherRoot))), "hashes",
                    JsonValue.EMPTY_JSON_ARRAY)));
            return files;
        });
        assertFails(fork, "consistency-proof", "two trees of the same size have different roots");
    }

    @Test
    @Tag("REQ-EVIDENCE-016")
    void aDroppedAuditRowOrSignatureFails() throws Exception {
        Map<String, byte[]> noRow = resealed(files -> {
            JsonObject a = json(files.get("audit.json"));
            files.put("audit.json", bytes(with(a, "rows", Json.createArrayBuilder(a.getJsonArray("rows")).remove(0)
                    .build())));
            return files;
        });
        assertFails(noRow, "audit-trail", "has no row in audit.json");

        Map<String, byte[]> noSignature = resealed(files -> {
            JsonObject s = json(files.get("signatures.json"));
            files.put("signatures.json", bytes(with(s, "signatures", Json.createArrayBuilder(
                    s.getJsonArray("signatures")).remove(0).build())));
            return files;
        });
        assertFails(noSignature, "signatures", "has no row in signatures.json");
    }

    @Test
    @Tag("REQ-EVIDENCE-016")
    void aSignatureMovedToAnotherRecordOrVersionFails() throws Exception {
        Map<String, byte[]> otherRecord = resealed(files -> {
            JsonObject s = json(files.get("signatures.json"));
            JsonObject row = s.getJsonArray("signatures").getJsonObject(0);
            files.put("signatures.json", bytes(with(s, "signatures", Json.createArrayBuilder(
                    s.getJsonArray("signatures")).set(0, with(row, "signs", Json.createValue("Lot:rp:LOT-TAB")))
                    .build())));
            return files;
        });
        assertFails(otherRecord, "signatures", "signs is Lot:rp:LOT-TAB, the signed record says");

        Map<String, byte[]> otherVersion = resealed(files -> {
            JsonObject s = json(files.get("signatures.json"));
            JsonObject row = s.getJsonArray("signatures").getJsonObject(0);
            files.put("signatures.json", bytes(with(s, "signatures", Json.createArrayBuilder(
                    s.getJsonArray("signatures")).set(0, with(row, "signedContentHash", Json.createValue(
                    "0".repeat(64)))).build())));
            return files;
        });
        assertFails(otherVersion, "signatures", "signedContentHash is " + "0".repeat(64));
    }

    @Test
    @Tag("REQ-EVIDENCE-017")
    void anExtraUnlistedFileADuplicateNameAndATraversalFail() throws Exception {
        Map<String, byte[]> extra = copy();
        extra.put("records/notes.txt", "added later".getBytes(StandardCharsets.UTF_8));
        assertFails(extra, "file-hashes", "records/notes.txt is in the archive but not listed in the manifest");

        Path dup = Files.createTempFile(DATA_DIR, "dup-", ".zip");
        Files.write(dup, DuplicateZip.of("manifest.json", exported.get("manifest.json")));
        Outcome o = run(dup);
        assertThat(o.out()).contains("FAIL archive: entry 'manifest.json' appears twice");

        Map<String, byte[]> traversal = copy();
        traversal.put("../evil.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertFails(traversal, "archive", "is not a plain relative path");
    }

    @Test
    @Tag("REQ-EVIDENCE-018")
    void aRequiredWitnessWhoseCosignatureIsMissingFails() throws Exception {
        KeyPair w = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = org.batchledger.verifier.proof.Ed25519.rawPublicKey(w.getPublic());
        byte[] typed = new byte[33];
        typed[0] = 0x04;
        System.arraycopy(raw, 0, typed, 1, 32);
        String witness = "witness.example/w1+" + String.format("%08x", org.batchledger.verifier.proof.Cosignature
                .keyId("witness.example/w1", raw)) + "+" + java.util.Base64.getEncoder().encodeToString(typed);
        Path zip = Files.createTempFile(DATA_DIR, "pkg-", ".zip");
        Files.write(zip, zip(exported));

        Outcome o = run(zip, "--witness", witness);

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL witness-cosignatures: 0 of 1 witnesses cosigned checkpoints/latest.note, 1 "
                + "required; witness.example/w1+");
    }

    @Test
    @Tag("REQ-EVIDENCE-019")
    void aDroppedGenealogyEdgeFailsTheReRunWalk() throws Exception {
        Map<String, byte[]> bad = resealed(files -> {
            JsonObject g = json(files.get("genealogy.json"));
            files.put("genealogy.json", bytes(with(g, "edges", Json.createArrayBuilder(g.getJsonArray("edges"))
                    .remove(0).build())));
            return files;
        });
        assertFails(bad, "genealogy-edges", "the upstream walk over the package's genealogy records reaches");
    }

    @Test
    @Tag("REQ-EVIDENCE-010")
    void anUnknownIdAWrongScopeAnAsOfBeyondTheHeadAndSomeoneElsesDownloadAreRefused() throws Exception {
        String q = "query($s: EvidenceScope!, $id: ID!, $asOf: Int) { exportEvidence(scope: $s, id: $id, asOf: $asOf)"
                + " { downloadUrl } }";
        Response unknown = graphql().post(inspector(), q, Json.createObjectBuilder().add("s", "BATCH")
                .add("id", "Batch:rp:NOPE").build());
        assertThat(unknown.errorClass()).isEqualTo("NOT_FOUND");
        assertThat(unknown.body().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("Batch:rp:NOPE");
        Response lot = graphql().post(inspector(), q, Json.createObjectBuilder().add("s", "BATCH")
                .add("id", "Lot:" + ReleasePlant.LOT_TABLETS).build());
        assertThat(lot.errorClass()).isEqualTo("NOT_FOUND");
        Response beyond = graphql().post(inspector(), q, Json.createObjectBuilder().add("s", "BATCH").add("id", BATCH)
                .add("asOf", 1_000_000).build());
        assertThat(beyond.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(beyond.body().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("beyond the ledger's size");

        Response mine = graphql().post(inspector(), q, Json.createObjectBuilder().add("s", "BATCH").add("id", BATCH)
                .build());
        String url = ((jakarta.json.JsonString) mine.at("/data/exportEvidence/downloadUrl")).getString();
        assertThat(download(url, TOKENS.forUser("auditor2", "inspector")).statusCode()).isEqualTo(404);
        assertThat(download(url, TOKENS.forUser("operator", "operator")).statusCode()).isEqualTo(403);
        assertThat(download(url, inspector()).statusCode()).isEqualTo(200);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Outcome(int exit, String out) {
    }

    private static Outcome verify(Map<String, byte[]> files) throws IOException {
        Path zip = Files.createTempFile(DATA_DIR, "pkg-", ".zip");
        Files.write(zip, zip(files));
        return run(zip);
    }

    private static Outcome run(Path zip, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--vkey", vkey));
        args.addAll(List.of(extra));
        args.add(zip.toString());
        int exit = VerifyCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static void assertFails(Map<String, byte[]> files, String check, String detail) throws IOException {
        Outcome o = verify(files);
        assertThat(o.exit()).as(o.out()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL " + check + ":").contains(detail);
    }

    private Response correct(String id, String field, String value) {
        return graphql().post(TOKENS.forUser("operator", "operator"), """
                mutation { correct(id: "%s", reason: "evidence test", changes: [{field: "%s", value: "%s"}])
                  { seq } }""".formatted(id, field, value));
    }

    private HttpResponse<byte[]> download(String url, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> copy() {
        return new LinkedHashMap<>(exported);
    }

    /** Applies an edit, then recomputes every listed file's hash and size and re-signs with the hub's key. */
    private static Map<String, byte[]> resealed(UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> files = edit.apply(copy());
        JsonObject m = json(files.get("manifest.json"));
        JsonArrayBuilder listed = Json.createArrayBuilder();
        for (JsonValue v : m.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            byte[] b = files.get(f.getString("path"));
            listed.add(with(with(f, "sha256", Json.createValue(Sha256.hex(b))), "size", Json.createValue(b.length)));
        }
        byte[] manifest = bytes(with(m, "files", listed.build()));
        files.put("manifest.json", manifest);
        files.put("manifest.sig", manifestNote(HubKeys.loadOrCreate(DATA_DIR.resolve("keys"), ORIGIN), manifest));
        return files;
    }

    private static byte[] manifestNote(NoteSigner signer, byte[] manifest) {
        return signer.sign(ORIGIN + "\nevidence-manifest/v1\nsha256 " + Sha256.hex(manifest) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The path of the first entry about a record of this type (e.g. "Batch"). */
    private static String entryOf(Map<String, byte[]> files, String type) {
        return files.keySet().stream().filter(p -> p.startsWith("entries/")).filter(p -> new String(files.get(p),
                StandardCharsets.UTF_8).contains("\"entityType\":\"" + type + "\"")).findFirst().orElseThrow();
    }

    private static long seqOf(String entryPath) {
        return Long.parseLong(entryPath.replaceAll("\\D", ""));
    }

    private static byte[] replaceOnce(byte[] bytes, String from, String to) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        return s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject json(byte[] bytes) {
        try (var r = Json.createReader(new ByteArrayInputStream(bytes))) {
            return r.readObject();
        }
    }

    private static byte[] bytes(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject with(JsonObject o, String name, JsonValue value) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        return b.add(name, value).build();
    }

    private static JsonValue hashes(JsonObject proof, java.util.function.Consumer<List<String>> edit) {
        List<String> h = new ArrayList<>(proof.getJsonArray("hashes").getValuesAs(jakarta.json.JsonString::getString));
        edit.accept(h);
        return Json.createArrayBuilder(h).build();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
