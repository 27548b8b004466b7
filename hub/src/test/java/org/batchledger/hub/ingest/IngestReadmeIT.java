package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.batchledger.ingest.document.TestDocuments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's error report example is what the hub answers (every README example is run by a test). */
@Tag("REQ-INGEST-002")
@Tag("REQ-INGEST-012")
class IngestReadmeIT extends IngestTestBase {
    private static final String MARK = "<!-- ingest-error-example -->";
    /** Members that differ per run (ids, times, sizes, who): compared for presence only. */
    private static final List<String> PER_RUN = List.of("id", "sha256", "sizeBytes", "receivedBy", "receivedAt",
            "timings", "recordsPerSecond");

    @Test
    void theReadmesErrorReportIsTheAnswerToAStrictCertificateNamingAnUnrecordedLot() throws Exception {
        JsonObject example = readmeExample();
        IngestClient.Answer a = postBytes("coa-CRB-2026-0117.pdf",
                TestDocuments.pdf("Certificate of Analysis   Lot No.: CRB-2026-0117   Assay 99.2 %"),
                Map.of("strict", "true"));

        assertThat(a.status()).isEqualTo(422);
        JsonObject actual = json(a);
        String sha = actual.getString("sha256");
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(example.keySet());
        for (String member : example.keySet()) {
            if (!PER_RUN.contains(member)) {
                assertThat(actual.get(member).toString()).as(member)
                        .isEqualTo(example.get(member).toString().replace("<sha256>", sha));
            }
        }
        assertThat(head()).isZero();
    }

    private static JsonObject readmeExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf(MARK);
        assertThat(mark).as("README marks its ingest error example").isPositive();
        int start = readme.indexOf("```json", mark) + "```json".length();
        int end = readme.indexOf("```", start);
        return Json.createReader(new StringReader(readme.substring(start, end))).readObject();
    }
}
