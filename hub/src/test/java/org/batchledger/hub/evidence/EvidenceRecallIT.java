package org.batchledger.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.batchledger.hub.evidence.report.ReportText;
import org.batchledger.hub.evidence.report.VeraPdf;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Document;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.WorkflowTransition;
import org.batchledger.verifier.evidence.VerifyCommand;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A recall's package over real HTTP: the release plant's API lot is recalled (its granulation, the granulate, the
 * released tablet batch and the tablets are downstream), with a deviation on the granulation and its CAPA and
 * workflow transition, a change control and cleanings on the press in and out of the press's use, and a document
 * on the tablets. The package is exported as of a checkpoint, verified in-process by the verifier jar's code, and
 * compared with {@code recallImpact}; then each recall tamper case edits a copy and the verifier fails naming the
 * check (edits re-sealed with the hub's own key, as in {@link EvidencePackageIT}).
 */
@Tag("REQ-EVIDENCE-002")
@Tag("REQ-EVIDENCE-038")
class EvidenceRecallIT extends HubTestBase {
    private static final String LOT = "Lot:" + ReleasePlant.LOT_API;
    private static final String ORIGIN = "batchledger.hub/ledger";
    private static final Instant T0 = ReleasePlant.T0;
    private static Map<String, byte[]> exported;
    private static String vkey;
    private static long asOf;

    @DynamicPropertySource
    static void specifications(DynamicPropertyRegistry registry) {
        registry.add("batchledger.release.specifications",
                () -> Path.of("src/test/resources/release/specifications.json").toAbsolutePath().toString());
    }

    @BeforeEach
    void recallExportedOnce() throws Exception {
        if (exported != null) {
            return;
        }
        cleanLedger();
        ReleasePlant.ready().write(NEO4J.writer());
        Response released = graphql().post(TOKENS.authenticatedAt(Instant.now(), "releaser", "qa-release"), """
                mutation { disposition(batch: "Batch:%s", decision: RELEASED, justification: "recall evidence")
                  { decision } }""".formatted(ReleasePlant.BATCH));
        assertThat(released.hasErrors()).as("%s", released.body()).isFalse();
        // written after the release, so the deviation does not hold the release up
        NEO4J.writer().write(WriteRequest.of(attached(), ReleasePlant.OPERATOR, "records about the recall's batches"));
        Response cp = graphql().post(inspector(), "{ ledgerCheckpoint { treeSize publicKey } }");
        asOf = Long.parseLong(cp.at("/data/ledgerCheckpoint/treeSize").toString());
        vkey = ((jakarta.json.JsonString) cp.at("/data/ledgerCheckpoint/publicKey")).getString();
        Response moved = graphql().post(TOKENS.forUser("operator", "operator"), """
                mutation { correct(id: "StepRecord:rp:SR-2", reason: "recall test", changes: [{field: "value",
                  value: "3.2"}]) { seq } }""");
        assertThat(moved.hasErrors()).as("%s", moved.body()).isFalse(); // the head moves on

        Response export = graphql().post(inspector(), "query($id: ID!, $asOf: Int) { exportEvidence(scope: RECALL, "
                + "id: $id, asOf: $asOf) { downloadUrl sha256 fileCount subject asOf latest } }",
                Json.createObjectBuilder().add("id", LOT).add("asOf", asOf).build());
        assertThat(export.hasErrors()).as("%s", export.body()).isFalse();
        JsonObject e = export.body().getJsonObject("data").getJsonObject("exportEvidence");
        assertThat(e.getString("subject")).isEqualTo(LOT);
        assertThat(e.getInt("asOf")).isEqualTo((int) asOf);
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + e.getString("downloadUrl")))
                .header("Authorization", "Bearer " + inspector()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(Sha256.hex(zip.body())).isEqualTo(e.getString("sha256"));
        exported = EvidencePackageIT.unzip(zip.body());
    }

    /** Records about the batches that only the new attachment rule brings in, and two that stay out. */
    private static List<LedgerRecord> attached() {
        Instant dev = T0.minus(Duration.ofDays(2)).plus(Duration.ofHours(1));
        RecordRef deviation = new RecordRef(RecordType.DEVIATION, "rp:DEV-GRN");
        return List.of(
                new Deviation("rp:DEV-GRN", "Granulator torque alarm", Deviation.Severity.MINOR,
                        Deviation.DeviationStatus.UNDER_INVESTIGATION,
                        List.of(new RecordRef(RecordType.BATCH, ReleasePlant.INTERMEDIATE)), dev, null,
                        ReleasePlant.provenance("dev/grn", dev)),
                new WorkflowTransition("rp:WT-GRN", deviation, "deviation", "investigate", "OPEN",
                        "UNDER_INVESTIGATION", null, null, "torque log reviewed", null, dev.plusSeconds(600),
                        ReleasePlant.provenance("wt/grn", dev.plusSeconds(600))),
                new Capa("rp:CAPA-GRN", "Granulator torque sensor", "replace the sensor", Capa.CapaStatus.OPENED,
                        List.of(deviation), dev.plusSeconds(900), null, ReleasePlant.provenance("capa/grn",
                        dev.plusSeconds(900))),
                new ChangeControl("rp:CC-PRESS", "Press tooling change", ChangeControl.ChangeStatus.IMPLEMENTED,
                        List.of(new RecordRef(RecordType.EQUIPMENT, ReleasePlant.PRESS)), T0.minus(Duration.ofDays(5)),
                        null, ReleasePlant.provenance("cc/press", T0.minus(Duration.ofDays(5)))),
                new ChangeControl("rp:CC-OLD", "Old press change", ChangeControl.ChangeStatus.CLOSED,
                        List.of(new RecordRef(RecordType.EQUIPMENT, ReleasePlant.PRESS)), T0.minus(Duration.ofDays(90)),
                        T0.minus(Duration.ofDays(80)), ReleasePlant.provenance("cc/old", T0.minus(Duration.ofDays(90)))),
                new Cleaning("rp:CL-OLD", ReleasePlant.PRESS, "CIP", T0.minus(Duration.ofDays(30)),
                        T0.minus(Duration.ofDays(29)), "Olivia Operator", ReleasePlant.provenance("cl/old",
                        T0.minus(Duration.ofDays(30)))),
                new Document("rp:DOC-TAB", "Tablet CoA", "COA", "application/pdf", "ab".repeat(32),
                        new RecordRef(RecordType.LOT, ReleasePlant.LOT_TABLETS), ReleasePlant.provenance("doc/tab",
                        T0.plus(Duration.ofDays(1)))));
    }

    @Test
    @Tag("REQ-EVIDENCE-039")
    void theRecallPackageVerifiesAndStatesTheAffectedSetRecallImpactGives() throws Exception {
        Path away = Files.createTempDirectory(DATA_DIR, "recall-").resolve("recall.zip");
        Files.write(away, EvidencePackageIT.zip(exported));
        Outcome o = run(away);
        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).contains("PASS genealogy-edges").contains("the walk from " + LOT)
                .contains("PASS recall-impact: the downstream walk from " + LOT + " over the package's genealogy "
                        + "records reaches the 2 batches and 2 lots listed as affected (2 finished product)")
                .contains("SKIP genealogy-snapshot: a RECALL package").contains("PASS report-attachment");

        JsonObject manifest = json(exported.get("manifest.json"));
        assertThat(manifest.getString("scope")).isEqualTo("RECALL");
        assertThat(manifest.getString("subject")).isEqualTo(LOT);
        JsonObject recall = manifest.getJsonObject("recall");
        assertThat(recall.getBoolean("complete")).isTrue();
        List<String> affected = recall.getJsonArray("affected").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("id")).toList();
        assertThat(affected).containsExactly("Batch:" + ReleasePlant.INTERMEDIATE, "Lot:" + ReleasePlant.LOT_GRANULATE,
                "Batch:" + ReleasePlant.BATCH, "Lot:" + ReleasePlant.LOT_TABLETS);
        List<String> finished = recall.getJsonArray("affected").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getBoolean("finishedProduct")).map(a -> a.getString("id")).toList();

        // the same answer recallImpact gives (at the head, which has not changed the genealogy since asOf)
        Response impact = graphql().post(inspector(), "{ recallImpact(lot: \"" + LOT + "\") { complete "
                + "items(first: 100) { edges { node { hop record { id } } } } } }");
        assertThat(impact.hasErrors()).as("%s", impact.body()).isFalse();
        List<String> items = new ArrayList<>();
        for (JsonValue edge : (JsonArray) impact.at("/data/recallImpact/items/edges")) {
            items.add(edge.asJsonObject().getJsonObject("node").getJsonObject("record").getString("id"));
        }
        assertThat(finished).containsExactlyElementsOf(items);
        assertThat(recall.getJsonArray("affected").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("id").equals("Batch:" + ReleasePlant.BATCH)).findFirst().orElseThrow()
                .getString("status")).isEqualTo("RELEASED");
    }

    @Test
    @Tag("REQ-EVIDENCE-041")
    void recordsAboutTheAffectedBatchesFlowInByTypeAndTheEquipmentsOnlyWhenInForce() {
        TreeSet<String> ids = new TreeSet<>();
        exported.forEach((path, bytes) -> {
            if (path.startsWith("entries/")) {
                JsonObject e = json(bytes);
                ids.add(e.getString("entityType") + ":" + e.getString("entityKey"));
            }
        });
        assertThat(ids).contains("Deviation:rp:DEV-GRN", "WorkflowTransition:rp:WT-GRN", "Capa:rp:CAPA-GRN",
                "ChangeControl:rp:CC-PRESS", "Document:rp:DOC-TAB", "Cleaning:rp:CL-1", "Calibration:rp:CAL-1",
                "StepRecord:rp:SR-1", "Disposition:" + dispositionKey(ids), "Equipment:" + ReleasePlant.PRESS,
                "Material:" + ReleasePlant.PRODUCT, "TestResult:rp:TR-ASSAY", "Signature:rp:S-PERF");
        assertThat(ids).doesNotContain("ChangeControl:rp:CC-OLD", "Cleaning:rp:CL-OLD",
                "Lot:" + ReleasePlant.LOT_LACTOSE);
    }

    private static String dispositionKey(TreeSet<String> ids) {
        return ids.stream().filter(i -> i.startsWith("Disposition:")).findFirst().orElse("Disposition:?")
                .substring("Disposition:".length());
    }

    @Test
    @Tag("REQ-EVIDENCE-040")
    void theReportListsTheAffectedBatchesAndLotsAndAttachesTheStageOneManifest() throws Exception {
        byte[] pdf = exported.get("report.pdf");
        JsonObject slot = json(exported.get("manifest.json")).getJsonObject("report");
        byte[] attached;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            attached = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("manifest.json")
                    .getEmbeddedFile().toByteArray();
        }
        assertThat(Sha256.hex(attached)).isEqualTo(slot.getString("attachedManifestSha256"));
        String text = ReportText.of(pdf).flat();
        assertThat(text).contains("Evidence package report: recall " + LOT)
                .contains("Affected by the recall: 2 batches, 2 lots")
                .contains("Batch:" + ReleasePlant.BATCH).contains("RELEASED").contains("FINISHED PRODUCT")
                .contains("Lot:" + ReleasePlant.LOT_GRANULATE).contains("downstream of the recalled lot");
        var verdict = VeraPdf.validate(pdf, org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_U);
        assertThat(verdict.failures()).isEmpty();
    }

    @Test
    @Tag("REQ-EVIDENCE-042")
    void aDroppedAffectedBatchFailsRecallImpact() throws Exception {
        Map<String, byte[]> bad = resealed(files -> {
            JsonObject m = json(files.get("manifest.json"));
            JsonObject r = m.getJsonObject("recall");
            JsonArrayBuilder kept = Json.createArrayBuilder();
            r.getJsonArray("affected").getValuesAs(JsonObject.class).stream()
                    .filter(a -> !a.getString("id").equals("Batch:" + ReleasePlant.BATCH)).forEach(kept::add);
            files.put("manifest.json", bytes(with(m, "recall", with(with(r, "affected", kept.build()),
                    "affectedBatches", Json.createValue(1)))));
            return files;
        });
        assertFails(bad, "recall-impact", "reaches affected batch Batch:" + ReleasePlant.BATCH + " (hop 3), which "
                + "manifest.json recall does not list");
    }

    @Test
    @Tag("REQ-EVIDENCE-042")
    void aDroppedEdgeFailsRecallImpactAndGenealogyEdges() throws Exception {
        // the granulate's consumption into the tablet batch, dropped with its entry, record, proof and audit row
        long seq = seqOf(exported, "CONSUMED_IN", "rp:C-GRN");
        Map<String, byte[]> bad = resealed(files -> {
            files.remove("entries/" + seq + ".json");
            files.remove("records/" + seq + ".json");
            files.remove("proofs/inclusion/" + seq + ".json");
            JsonObject a = json(files.get("audit.json"));
            JsonArrayBuilder rows = Json.createArrayBuilder();
            a.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getJsonNumber("seq").longValue() != seq).forEach(rows::add);
            files.put("audit.json", bytes(with(a, "rows", rows.build())));
            return files;
        });
        Outcome o = verify(bad);
        assertThat(o.exit()).as(o.out()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL recall-impact:").contains("manifest.json recall lists Batch:"
                + ReleasePlant.BATCH + ", which the downstream walk over the package's genealogy records does not "
                + "reach").contains("FAIL genealogy-edges:");

        // only the genealogy.json row dropped: the records still declare it
        Map<String, byte[]> row = resealed(files -> {
            JsonObject g = json(files.get("genealogy.json"));
            JsonArrayBuilder edges = Json.createArrayBuilder();
            g.getJsonArray("edges").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getJsonNumber("seq").longValue() != seq).forEach(edges::add);
            files.put("genealogy.json", bytes(with(g, "edges", edges.build())));
            return files;
        });
        assertFails(row, "genealogy-edges", "not listed: Lot:" + ReleasePlant.LOT_GRANULATE + ">Batch:"
                + ReleasePlant.BATCH);
    }

    @Test
    @Tag("REQ-EVIDENCE-042")
    void anExtraUnlistedFileFailsFileHashes() throws Exception {
        Map<String, byte[]> extra = new LinkedHashMap<>(exported);
        extra.put("records/affected-note.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertFails(extra, "file-hashes", "records/affected-note.json is in the archive but not listed in the "
                + "manifest");
    }

    @Test
    @Tag("REQ-EVIDENCE-043")
    void aReportAttachingAnotherManifestFailsReportAttachment() throws Exception {
        Map<String, byte[]> bad = resealed(files -> {
            JsonObject m = json(files.get("manifest.json"));
            JsonObject slot = m.getJsonObject("report");
            files.put("manifest.json", bytes(with(m, "report", with(slot, "attachedManifestSha256",
                    Json.createValue("0".repeat(64))))));
            return files;
        });
        assertFails(bad, "report-attachment", "none with the SHA-256 " + "0".repeat(64));
    }

    @Test
    @Tag("REQ-EVIDENCE-038")
    @Tag("REQ-EVIDENCE-010")
    void aBatchIdForRecallIsNotFound() {
        Response r = graphql().post(inspector(), "{ exportEvidence(scope: RECALL, id: \"Batch:" + ReleasePlant.BATCH
                + "\") { downloadUrl } }");
        assertThat(r.errorClass()).isEqualTo("NOT_FOUND");
        assertThat(r.body().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("scope RECALL needs a lot ID");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Outcome(int exit, String out) {
    }

    private static long seqOf(Map<String, byte[]> files, String type, String key) {
        return files.entrySet().stream().filter(f -> f.getKey().startsWith("entries/")).filter(f -> {
            JsonObject e = json(f.getValue());
            return e.getString("entityType").equals(type) && e.getString("entityKey").equals(key);
        }).mapToLong(f -> json(f.getValue()).getJsonNumber("seq").longValue()).findFirst().orElseThrow();
    }

    private static Outcome verify(Map<String, byte[]> files) throws IOException {
        Path zip = Files.createTempFile(DATA_DIR, "recall-", ".zip");
        Files.write(zip, EvidencePackageIT.zip(files));
        return run(zip);
    }

    private static Outcome run(Path zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = VerifyCommand.run(new String[] {"--vkey", vkey, zip.toString()}, print, print);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static void assertFails(Map<String, byte[]> files, String check, String detail) throws IOException {
        Outcome o = verify(files);
        assertThat(o.exit()).as(o.out()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL " + check + ":").contains(detail);
    }

    /** Applies an edit, then lists the files still present with their hashes and re-signs with the hub's key. */
    private static Map<String, byte[]> resealed(UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> files = edit.apply(new LinkedHashMap<>(exported));
        JsonObject m = json(files.get("manifest.json"));
        JsonArrayBuilder listed = Json.createArrayBuilder();
        for (JsonObject f : m.getJsonArray("files").getValuesAs(JsonObject.class)) {
            byte[] b = files.get(f.getString("path"));
            if (b != null) {
                listed.add(with(with(f, "sha256", Json.createValue(Sha256.hex(b))), "size", Json.createValue(b.length)));
            }
        }
        byte[] manifest = bytes(with(m, "files", listed.build()));
        files.put("manifest.json", manifest);
        NoteSigner hub = HubKeys.loadOrCreate(DATA_DIR.resolve("keys"), ORIGIN);
        files.put("manifest.sig", hub.sign(ORIGIN + "\nevidence-manifest/v1\nsha256 " + Sha256.hex(manifest) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return files;
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
        return Json.createObjectBuilder(o).add(name, value).build();
    }
}
