package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchledger.ingest.document.TestDocuments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * POST /api/ingest end to end with the adapter's token: a file in one ledgered write with its original kept, the
 * same file again a duplicate, a lot before its material kept open and linked later, and every bad input refused
 * with file, locator and rule while the ledger stays as it was.
 */
@Tag("REQ-INGEST-001")
@Tag("REQ-INGEST-002")
@Tag("REQ-INGEST-003")
class IngestApiIT extends IngestTestBase {

    @Test
    @Tag("REQ-INGEST-004")
    void aFileIsWrittenInOneLedgeredWriteAndItsOriginalIsKeptAndTraceable() throws Exception {
        IngestClient.Answer a = post("mat.txt", MAT_FILE, Map.of());

        JsonObject report = json(a);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(report.getString("status")).isEqualTo("INGESTED");
        assertThat(report.getBoolean("duplicate")).isFalse();
        assertThat(report.getString("adapter")).isEqualTo("test-lines");
        assertThat(report.getJsonObject("counts").toString()).isEqualTo("{\"Material\":1,\"SourceFile\":1}");
        assertThat(report.getInt("firstSeq")).isEqualTo(1);
        assertThat(report.getInt("lastSeq")).isEqualTo(2);
        String sha = report.getString("sha256");
        JsonObject material = graphql().post(inspector(), """
                { material(id: "Material:site:CRBN0001") { provenance { source locator
                    sourceFile { sha256 fileName download } } } }""").body();
        JsonObject provenance = material.getJsonObject("data").getJsonObject("material").getJsonObject("provenance");
        assertThat(provenance.getString("source")).isEqualTo("file:sha256:" + sha);
        assertThat(provenance.getString("locator")).isEqualTo("line 2");
        assertThat(provenance.getJsonObject("sourceFile").getString("download")).isEqualTo("/api/source-files/" + sha);
        HttpResponse<byte[]> original = get("/api/source-files/" + sha, inspector());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(new String(original.body(), StandardCharsets.UTF_8)).isEqualTo(MAT_FILE);
        assertThat(get("/api/source-files/" + sha, TOKENS.forUser("adapter", "adapter")).statusCode()).isEqualTo(403);
    }

    @Test
    @Tag("REQ-INGEST-004")
    void anOriginalAlteredOnDiskIsNeverServed() throws Exception {
        String sha = json(post("mat.txt", MAT_FILE, Map.of())).getString("sha256");
        Path blob = DATA_DIR.resolve("blobs").resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
        Files.writeString(blob, MAT_FILE.replace("N330", "N550"));

        assertThat(get("/api/source-files/" + sha, inspector()).statusCode()).isEqualTo(409);
        assertThat(get("/api/source-files/" + "0".repeat(64), inspector()).statusCode()).isEqualTo(404);
        assertThat(get("/api/source-files/not-a-hash", inspector()).statusCode()).isEqualTo(400);
    }

    @Test
    @Tag("REQ-INGEST-005")
    void theSameFileTwiceAnswersTheEarlierReportAsADuplicateAndWritesNothing() throws Exception {
        JsonObject first = json(post("mat.txt", MAT_FILE, Map.of()));
        long head = head();

        IngestClient.Answer again = post("renamed.txt", MAT_FILE, Map.of());

        assertThat(again.status()).isEqualTo(200);
        JsonObject second = json(again);
        assertThat(second.getBoolean("duplicate")).isTrue();
        assertThat(second.getString("id")).isEqualTo(first.getString("id"));
        assertThat(second.getString("fileName")).isEqualTo("mat.txt");
        assertThat(head()).isEqualTo(head);
    }

    @Test
    @Tag("REQ-INGEST-010")
    @Tag("REQ-INGEST-011")
    void aLotBeforeItsMaterialIsKeptWithAWarningListedForReviewAndLinkedWhenTheMaterialArrives() throws Exception {
        JsonObject lot = json(post("LOT-20121210170718-0001L0001.txt", LOT_FILE, Map.of()));

        assertThat(lot.getString("status")).isEqualTo("INGESTED");
        JsonObject warning = lot.getJsonArray("warnings").getJsonObject(0);
        assertThat(warning.getString("rule")).isEqualTo("REFERENCE-PENDING");
        assertThat(warning.getString("locator")).isEqualTo("line 2");
        assertThat(warning.getString("field")).isEqualTo("materialKey");
        String query = """
                { lot(id: "Lot:site:LOT-20121210-0001") { materialKey material { key } }
                  unlinkedReferences { edges { node { from field target locator } } } }""";
        JsonObject before = data(query);
        assertThat(before.getJsonObject("lot").isNull("material")).isTrue();
        assertThat(before.getJsonObject("lot").getString("materialKey")).isEqualTo("site:CRBN0001");
        assertThat(before.getJsonObject("unlinkedReferences").getJsonArray("edges")).hasSize(1);

        post("MAT-20121210170718-0001.txt", MAT_FILE, Map.of());

        JsonObject after = data(query);
        assertThat(after.getJsonObject("lot").getJsonObject("material").getString("key")).isEqualTo("site:CRBN0001");
        assertThat(after.getJsonObject("unlinkedReferences").getJsonArray("edges")).isEmpty();
        assertThat(graphql().post(inspector(), "{ verifyLedger { ok } }").body().getJsonObject("data")
                .getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }

    @Test
    @Tag("REQ-INGEST-012")
    void strictRefusesALotWhoseMaterialIsNotRecordedNamingFileLocatorAndField() throws Exception {
        IngestClient.Answer a = post("lot.txt", LOT_FILE, Map.of("strict", "true"));

        assertThat(a.status()).isEqualTo(422);
        JsonObject error = json(a).getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("file")).isEqualTo("lot.txt");
        assertThat(error.getString("locator")).isEqualTo("line 2");
        assertThat(error.getString("record")).isEqualTo("Lot:site:LOT-20121210-0001");
        assertThat(error.getString("field")).isEqualTo("materialKey");
        assertThat(error.getString("message")).contains("Material:site:CRBN0001");
        assertThat(head()).isZero();
    }

    @Test
    @Tag("REQ-INGEST-321")
    void aFileRefusedAtItsWriteLeavesNoOriginalInTheBlobStore() throws Exception {
        IngestClient.Answer refused = post("lot.txt", LOT_FILE, Map.of("strict", "true"));
        IngestClient.Answer notRead = post("bad.txt", TestLinesAdapter.MAGIC + "\nWidget|W|x\n", Map.of());

        assertRefused(refused, 422, "RECORD-INVALID");
        assertThat(Files.exists(blob(json(refused).getString("sha256")))).as("refused at the write").isFalse();
        assertThat(Files.exists(blob(json(notRead).getString("sha256")))).as("refused by its adapter").isFalse();
        assertThat(get("/api/source-files/" + json(refused).getString("sha256"), inspector()).statusCode())
                .isEqualTo(404);

        IngestClient.Answer ingested = post("lot.txt", LOT_FILE, Map.of());
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
        assertThat(Files.exists(blob(json(ingested).getString("sha256")))).as("sent again, ingested").isTrue();
    }

    @Test
    @Tag("REQ-INGEST-320")
    void theSourceFileCarriesTheMediaTypeItsAdapterDetectedOrReadItAs() throws Exception {
        JsonObject lines = json(post("mat.txt", MAT_FILE, Map.of()));
        JsonObject pdf = json(postBytes("coa.pdf", TestDocuments.pdf("Certificate of Analysis"), Map.of()));

        assertThat(lines.getString("mediaType")).as("the format's, test-lines").isEqualTo("text/plain");
        assertThat(pdf.getString("mediaType")).as("Tika's detected type").isEqualTo("application/pdf");
        for (JsonObject report : java.util.List.of(lines, pdf)) {
            JsonObject read = data("{ ingestReport(id: \"" + report.getString("id")
                    + "\") { mediaType sourceFile { mediaType } } }").getJsonObject("ingestReport");
            assertThat(read.getString("mediaType")).isEqualTo(report.getString("mediaType"));
            assertThat(read.getJsonObject("sourceFile").getString("mediaType")).as("ledgered with the SourceFile")
                    .isEqualTo(report.getString("mediaType"));
        }
        JsonObject material = data("{ material(id: \"Material:site:CRBN0001\") { provenance { sourceFile "
                + "{ mediaType } } } }");
        assertThat(material.getJsonObject("material").getJsonObject("provenance").getJsonObject("sourceFile")
                .getString("mediaType")).isEqualTo("text/plain");
    }

    private static Path blob(String sha) {
        return DATA_DIR.resolve("blobs").resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
    }

    @Test
    @Tag("REQ-INGEST-013")
    void aResultNamingOnlyASampleIsKeptAndListedOrRefusedWhenStrict() throws Exception {
        String file = TestLinesAdapter.MAGIC + "\nResult|TR-1|SAMPLE-9\n";

        assertThat(post("r.txt", file, Map.of("strict", "true")).status()).isEqualTo(422);
        JsonObject kept = json(post("r.txt", file, Map.of()));

        assertThat(kept.getJsonArray("warnings").getJsonObject(0).getString("rule")).isEqualTo("RESULT-UNLINKED");
        JsonObject queue = graphql().post(inspector(), "{ unlinkedResults { edges { node { key sampleId subject { id } } } } }")
                .body().getJsonObject("data").getJsonObject("unlinkedResults");
        assertThat(queue.getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("sampleId"))
                .isEqualTo("SAMPLE-9");
    }

    @Test
    @Tag("REQ-INGEST-020")
    void badInputsAreRefusedWithTheirRuleAndLeaveTheLedgerAsItWas() throws Exception {
        post("mat.txt", MAT_FILE, Map.of());
        long head = head();
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>\n";

        assertRefused(post("xxe.xml", xxe, Map.of()), 422, "ADAPTER-NONE");
        assertThat(post("xxe.xml", xxe, Map.of()).body()).doesNotContain("root:");
        assertRefused(post("trunc.xml", "<?xml version=\"1.0\"?><ProductionPerformance xmlns=\"http://www.mesa.org/"
                + "xml/B2MML-V0600\"><ID>x</ID>", Map.of()), 422, "XML-WELL-FORMED");
        assertRefused(post("empty.txt", "", Map.of()), 422, "ADAPTER-NONE");
        assertRefused(post("big.txt", "x".repeat((int) MAX_BYTES + 1), Map.of()), 413, "INGEST-SIZE-LIMIT");
        assertRefused(post("mat2.txt", MAT_FILE + "\n", Map.of("adapter", "no-such")), 422, "ADAPTER-UNKNOWN");
        assertRefused(post("bad.txt", TestLinesAdapter.MAGIC + "\nMaterial|M-2|ok\nWidget|W|x\n", Map.of()), 422,
                "TEST-KIND");
        assertRefused(post("lotq.txt", TestLinesAdapter.MAGIC + "\nLot|L-9|CRBN0001|5\n", Map.of()), 422,
                "UNIT-REQUIRED");
        assertRefused(postBytes("bomb.docx", TestDocuments.docxBomb(40), Map.of()), 422, "DOCUMENT-BOMB");
        assertThat(head()).isEqualTo(head);
    }

    @Test
    @Tag("REQ-RELIABILITY-011")
    void anUnwritableBlobStoreIsACleanRetryableFailureThatWritesNothing() throws Exception {
        Path blobs = dataDir().resolve("blobs").resolve("sha256");
        Path aside = blobs.resolveSibling("sha256.aside");
        boolean existed = Files.exists(blobs);
        if (existed) {
            Files.move(blobs, aside);
        }
        // a plain file where the blob directory belongs: unwritable even for root, like a full or read-only disk
        Files.createDirectories(blobs.getParent());
        Files.writeString(blobs, "not a directory");
        String lots = TestLinesAdapter.MAGIC + "\nMaterial|M-DISK|Disk test material\nLot|L-DISK|M-DISK\n";
        try {
            IngestClient.Answer a = post("disk.txt", lots, Map.of());
            assertRefused(a, 503, "ORIGINAL-NOT-KEPT");
            assertThat(json(a).getString("status")).isEqualTo("STORAGE_FAILED");
            assertThat(a.body()).contains("nothing of this file was written").doesNotContain(dataDir().toString());
            assertThat(head()).isZero();
        } finally {
            Files.delete(blobs);
            if (existed) {
                Files.move(aside, blobs);
            }
        }
        // storage fixed: the same file goes in whole, once
        IngestClient.Answer again = post("disk.txt", lots, Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(json(again).getString("status")).isEqualTo("INGESTED");
        assertThat(head()).isPositive();
    }

    @Test
    @Tag("REQ-INGEST-021")
    void withoutATokenItIs401AndWithoutTheAdapterRole403() throws Exception {
        Path f = Files.writeString(dir.resolve("mat.txt"), MAT_FILE);
        IngestClient client = new IngestClient(URI.create("http://127.0.0.1:" + port));

        assertThat(client.post(f, null, Map.of()).status()).isEqualTo(401);
        assertThat(client.post(f, TOKENS.forUser("operator", "operator"), Map.of()).status()).isEqualTo(403);
        assertThat(client.post(f, TOKENS.forUser("qa", "qa-release", "inspector"), Map.of()).status()).isEqualTo(403);
        assertThat(head()).isZero();
    }

    @Test
    @Tag("REQ-INGEST-030")
    void aCertificateOfAnalysisBecomesADocumentAboutTheLotItNames() throws Exception {
        post("mat.txt", MAT_FILE, Map.of());
        post("lot.txt", LOT_FILE, Map.of());

        JsonObject report = json(postBytes("coa.pdf", TestDocuments.pdf("Certificate of Analysis Lot No.: "
                + "LOT-20121210-0001 Assay 99.2"), Map.of()));

        assertThat(report.getString("adapter")).isEqualTo("document");
        assertThat(report.getJsonObject("counts").getInt("Document")).isEqualTo(1);
        assertThat(report.getJsonArray("warnings")).isEmpty();
        long about = NEO4J.db().read(tx -> tx.run("MATCH (:Document)-[:ABOUT]->(l:Lot {key: $k}) RETURN count(l) AS n",
                Map.of("k", "site:LOT-20121210-0001")).single().get("n").asLong());
        assertThat(about).isEqualTo(1);
    }

    @Test
    @Tag("REQ-INGEST-040")
    void reportsAreListedNewestFirstOverGraphQl() throws Exception {
        post("mat.txt", MAT_FILE, Map.of());
        post("bad.txt", TestLinesAdapter.MAGIC + "\nWidget|W|x\n", Map.of());

        JsonObject data = data("""
                { ingestReports(first: 2) { edges { node { id status fileName counts { type count }
                    errors { locator rule } sourceFile { key } } } } }""");
        var edges = data.getJsonObject("ingestReports").getJsonArray("edges");
        JsonObject newest = edges.getJsonObject(0).getJsonObject("node");
        assertThat(newest.getString("status")).isEqualTo("REFUSED");
        assertThat(newest.getJsonArray("errors").getJsonObject(0).getString("locator")).isEqualTo("line 2");
        JsonObject older = edges.getJsonObject(1).getJsonObject("node");
        assertThat(older.getString("status")).isEqualTo("INGESTED");
        assertThat(older.getJsonObject("sourceFile").getString("key")).startsWith("sha256:");
        String id = older.getString("id");
        assertThat(graphql().post(inspector(), "{ ingestReport(id: \"" + id + "\") { fileName } }").body()
                .getJsonObject("data").getJsonObject("ingestReport").getString("fileName")).isEqualTo("mat.txt");
    }
}
