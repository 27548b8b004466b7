package org.batchledger.hub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.KeycloakServer;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The UI in real headless Chromium against the real hub (free loopback port) and a real Keycloak: each role logs in
 * through the Keycloak page and uses its screens. Screenshots land in target/ui-screenshots (and docs/screenshots
 * with -Dui.screenshots.docs=true). Skipped, with a message, where Debian's chromium and chromedriver are missing.
 */
@Tag("REQ-UI-009")
class UiBrowserIT extends SharedHubBrowserBase {
    /** A real B2MML lot message (see src/test/resources/ingest/b2mml/NOTE.md): a lot of material CRBN0001. */
    private static final String MES_LOT_FILE = "LOT-20121210170718-0001L0001.xml";
    private static final String CORRECTION_REASON = "master record revision 7a was in force (typo at entry)";
    private static final String FIRST_BATCHES = """
            { batches(first: 100) { edges { node { key inputs { lot { key } } testResults { id } } } } }""";

    @Test
    @Tag("REQ-UI-001")
    @Tag("REQ-UI-003")
    void anInspectorLogsInOnTheBatchPageAndWalksItsGenealogyResultsAndAuditTrail() {
        String key = batchWithInputs()[0];
        browser.open("/ui/batch/" + key + "?tab=genealogy");
        browser.await(By.cssSelector("[data-testid=login-message]"));
        browser.logIn("inspector");

        assertThat(browser.driver.getCurrentUrl()).as("back on the page asked for").endsWith("/ui/batch/" + key + "?tab=genealogy");
        assertThat(browser.await(By.cssSelector("[data-testid=batch-header]")).getText()).contains("Status", "Product");
        browser.await(By.cssSelector("[data-testid=genealogy-graph] canvas"));
        browser.waiting().until(d -> rows("[data-testid=genealogy-table] tbody tr") > 1);
        browser.driver.findElement(By.cssSelector(".node-table summary")).click();
        int before = rows("[data-testid=genealogy-table] tbody tr");
        browser.await(By.cssSelector("[data-testid=genealogy-table] button[data-expand]")).click();
        browser.waiting().until(d -> rows("[data-testid=genealogy-table] tbody tr") > before
                || d.findElements(By.cssSelector(".state.error")).size() > 0);
        assertThat(browser.driver.findElements(By.cssSelector(".state.error"))).isEmpty();
        browser.screenshot("batch-genealogy");

        browser.button("Results vs limits").click();
        browser.await(By.cssSelector("[data-testid=tab-results]"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("[data-testid=results], [data-testid=tab-results] .empty")).isEmpty());
        // each numeric result with limits is drawn against them, its verdict in words for screen readers
        browser.driver.findElements(By.cssSelector("[data-testid=results] svg")).forEach(svg ->
                assertThat(svg.getAttribute("aria-label")).containsAnyOf("within", "below", "above"));
        browser.screenshot("batch-results");

        browser.button("Audit trail").click();
        assertThat(browser.await(By.cssSelector("[data-testid=audit]")).getText()).contains("CREATE");

        browser.open("/ui/batches");
        browser.await(By.id("key-search")).sendKeys(key.substring(key.indexOf(':') + 1));
        browser.button("Find").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/ui/batch/"));
        assertThat(browser.await(By.id("batch-title")).getText()).isEqualTo("Batch " + key);
    }

    @Test
    @Tag("REQ-UI-002")
    @Tag("REQ-UI-003")
    void aReleaserFindsABlockedBatchInTheReleaseQueueAndSeesWhyAndItsAlcoaScorecard() {
        String batch = blockedReleaseBatch();
        browser.open("/ui/release");
        browser.logIn("releaser");
        browser.await(By.cssSelector("[data-testid=verdict-counts] button[data-verdict=ALL]"));
        assertThat(browser.driver.findElement(By.cssSelector("nav a")).getText()).as("first nav item").isEqualTo("Release");

        // search by the number of the lot a batch made, in any letter case
        WebElement search = browser.await(By.id("release-search"));
        search.sendKeys("lot-tab");
        browser.button("Apply").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("q=lot-tab"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("[data-testid=release-queue][aria-busy=false] tr[data-batch='" + batch + "']")).isEmpty());
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

        // search by batch key, then narrow to the blocked ones with the verdict filter (counts beside each verdict)
        browser.await(By.id("release-search")).sendKeys("B-TAB");
        browser.button("Apply").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("q=B-TAB"));
        browser.await(By.cssSelector("[data-testid=verdict-counts] button[data-verdict=BLOCKED]")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("verdict=BLOCKED"));
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid=release-queue][aria-busy=false] tbody tr")).size() > 0
                && d.findElements(By.cssSelector("[data-testid=release-queue] tbody tr:not([data-verdict=BLOCKED])")).isEmpty());
        WebElement row = browser.await(By.cssSelector("[data-testid=release-queue] tr[data-batch='" + batch + "']"));
        assertThat(browser.driver.findElement(By.cssSelector("button[data-verdict=BLOCKED]")).getAttribute("aria-pressed")).isEqualTo("true");
        browser.screenshot("release-dashboard");

        // the batch opens on its release checks: the failing ones say why, with a link to the record at fault
        row.findElement(By.linkText(batch)).click();
        WebElement upstream = browser.await(By.cssSelector("[data-testid=checks] tr[data-check=upstream-released]"));
        assertThat(upstream.getAttribute("data-status")).isEqualTo("FAIL");
        assertThat(upstream.findElement(By.cssSelector(".explanation")).getText())
                .isEqualTo("Lot rp:LOT-API (Paracetamol) is in QUARANTINE.");
        assertThat(upstream.findElement(By.cssSelector("a[data-record='Lot:rp:LOT-API']")).getAttribute("href"))
                .endsWith("/ui/lot/rp%3ALOT-API");
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=checks] tr[data-check=tests-in-spec] a"))
                .getAttribute("href")).as("an OOS result leads to the lot it was tested on").endsWith("/ui/lot/rp%3ALOT-TAB");
        assertThat(browser.await(By.cssSelector("[data-testid=verdict]")).getText()).contains("BLOCKED");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=checks] tr[data-status=FAIL]")))
                .extracting(r -> r.getAttribute("data-check"))
                // its OOS result, open deviation and unreleased lot are review exceptions no one has dispositioned
                .containsExactly("upstream-released", "tests-in-spec", "deviations-closed", "exceptions-reviewed");
        browser.screenshot("release-checks");

        browser.button("ALCOA+").click();
        browser.await(By.cssSelector("[data-testid=alcoa]"));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=alcoa] tbody tr[data-principle]")))
                .extracting(r -> r.getAttribute("data-principle"))
                .containsExactly("ATTRIBUTABLE", "LEGIBLE", "CONTEMPORANEOUS", "ORIGINAL", "ACCURATE", "COMPLETE",
                        "CONSISTENT", "ENDURING", "AVAILABLE", "TRACEABLE");
        browser.screenshot("release-alcoa");

        // the review queue lists the exceptions still to review, each with its two signed decisions for QA
        browser.button("Review queue").click();
        assertThat(browser.await(By.cssSelector("[data-testid=review-summary]")).getText()).contains("to review");
        assertThat(browser.await(By.cssSelector("[data-testid=review-queue]")).findElements(By.cssSelector("tr[data-class]")))
                .extracting(r -> r.getAttribute("data-class")).contains("OOS_RESULT", "OPEN_DEVIATION");
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-class=OOS_RESULT] button[data-decide=ACCEPT]"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=review-forbidden]"))).isEmpty();
    }

    @Test
    @Tag("REQ-UI-001")
    void anExpiredAccessTokenIsRefreshedAnEndedSessionSaysSoAndReturnsToThePage() {
        String key = batchWithInputs()[0];
        browser.open("/ui/batch/" + key);
        browser.logIn("reviewer");
        browser.await(By.cssSelector("[data-testid=batch-header]"));
        String token = storedUser("access_token");

        // a reviewer reads the batch's audit trail: she signs AUDIT_TRAIL_REVIEWED on it (access-policy.csv)
        browser.open("/ui/batch/" + key + "?tab=audit");
        assertThat(browser.await(By.cssSelector("[data-testid=audit]")).getText()).contains("CREATE");
        assertThat(browser.driver.findElements(By.cssSelector("button[data-tab=audit]"))).isNotEmpty();
        browser.open("/ui/batch/" + key);
        browser.await(By.cssSelector("[data-testid=batch-header]"));

        // the access token runs out: the refresh token gets a new one, the user sees nothing of it
        browser.script("const k = Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:'));"
                + "const u = JSON.parse(sessionStorage.getItem(k)); u.expires_at = 1; sessionStorage.setItem(k, JSON.stringify(u));");
        browser.driver.navigate().refresh();
        browser.await(By.cssSelector("[data-testid=batch-header]"));
        assertThat(storedUser("access_token")).isNotEqualTo(token);

        // the session ends (no refresh possible): the UI says so, and a new login returns to this page
        browser.script("const k = Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:'));"
                + "const u = JSON.parse(sessionStorage.getItem(k)); u.expires_at = 1; delete u.refresh_token;"
                + "sessionStorage.setItem(k, JSON.stringify(u));");
        browser.driver.navigate().refresh();
        assertThat(browser.await(By.cssSelector("[data-testid=login-message]")).getText()).contains("session has expired");
        browser.screenshot("session-expired");
        browser.button("Log in with Keycloak").click();
        browser.await(By.cssSelector("[data-testid=batch-header]"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/ui/batch/" + key);

        browser.button("Log out").click();
        assertThat(browser.await(By.cssSelector("[data-testid=login-message]")).getText()).contains("logged out");
    }

    @Test
    @Tag("REQ-UI-005")
    void aReleaserSeesTheRecallImpactOfALotAndDownloadsItAsCsv() throws IOException {
        String lot = batchWithInputs()[1];
        browser.open("/ui/recall?lot=" + lot);
        browser.logIn("releaser");
        assertThat(browser.await(By.cssSelector("[data-testid=recall-summary]")).getText()).contains(lot, "affected");
        browser.await(By.cssSelector("[data-testid=genealogy-graph] canvas"));
        browser.screenshot("recall-impact");

        browser.await(By.cssSelector("[data-testid=recall-csv]")).click();
        browser.await(By.cssSelector("[data-testid=csv-saved]"));
        browser.waiting().until(d -> csvIn(browser.downloads) != null);
        List<String> lines = Files.readAllLines(csvIn(browser.downloads));
        assertThat(lines.get(0)).startsWith("id,type,key,hop,status");
    }

    @Test
    @Tag("REQ-UI-006")
    @Tag("REQ-UI-043")
    void anInspectorSeesTheCheckpointVerifiesTheLedgerGetsAnInclusionProofAndSavesTheNote() throws IOException {
        browser.open("/ui/ledger");
        browser.logIn("inspector");
        assertThat(Integer.parseInt(browser.await(By.cssSelector("[data-testid=tree-size]")).getText())).isPositive();
        browser.await(By.cssSelector("[data-testid=verify]")).click();
        assertThat(browser.await(By.cssSelector("[data-testid=verify-result]")).getText()).contains("Verified");
        browser.button("Prove inclusion").click();
        assertThat(browser.await(By.cssSelector("[data-testid=inclusion]")).getText()).contains("Entry 1 (leaf 0)");
        browser.screenshot("ledger");

        // the signed checkpoint note, as shown, saved to a file for the offline verifier
        String note = browser.await(By.cssSelector("pre.note")).getText();
        browser.await(By.cssSelector("[data-testid=note-download]")).click();
        Path saved = awaitDownload(".note");
        assertThat(saved.getFileName().toString()).startsWith("checkpoint-");
        assertThat(Files.readString(saved).strip()).isEqualTo(note.strip());
    }

    @Test
    @Tag("REQ-UI-007")
    @Tag("REQ-UI-042")
    void anIntegratorUploadsARealMesFileAndAnInspectorFindsTheLotByNumberAndOpensTheOriginal() throws Exception {
        byte[] original = Files.readAllBytes(Path.of("src/test/resources/ingest/b2mml/" + MES_LOT_FILE));
        Path upload = Files.write(Files.createTempDirectory("ui-ingest-").resolve(MES_LOT_FILE), original);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        browser.open("/ui/ingest");
        browser.logIn(user = "integrator");
        browser.await(By.id("ingest-file")).sendKeys(upload.toAbsolutePath().toString());
        browser.button("Upload").click();
        WebElement report = browser.await(By.cssSelector("[data-testid=ingest-report]"));
        assertThat(report.getAttribute("data-status")).isEqualTo("INGESTED");
        assertThat(report.getText()).contains(MES_LOT_FILE, "b2mml", sha256);
        // the lot came before its material: kept, with a warning naming file, locator, field and rule
        browser.await(By.cssSelector("[data-testid=findings-warning] tbody tr"));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=findings-warning] tbody tr")))
                .extracting(WebElement::getText)
                .allSatisfy(w -> assertThat(w).startsWith(MES_LOT_FILE + " @ /SyncMaterialInformation/"))
                .anySatisfy(w -> assertThat(w).contains("REFERENCE-PENDING", "CRBN0001"));
        browser.screenshot("ingest-ingested");
        browser.button("Log out").click();
        browser.await(By.cssSelector("[data-testid=login-message]"));

        // a reader finds the lot by its number (no namespace, no global ID) and downloads the original behind it
        browser.open("/ui/batches");
        browser.logIn(user = "inspector");
        browser.await(By.id("key-search")).sendKeys("CRBN0001_LOT01");
        browser.button("Find").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/ui/lot/"));
        WebElement link = browser.await(By.cssSelector("a.source-file"));
        assertThat(link.getAttribute("href")).endsWith("/api/source-files/" + sha256);
        link.click();
        Path saved = awaitDownload(".xml");
        assertThat(saved.getFileName().toString()).as("saved under the name it was ingested with").isEqualTo(MES_LOT_FILE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(original);
        browser.screenshot("lot-source-file");
    }

    @Test
    @Tag("REQ-UI-045")
    @Tag("REQ-UI-046")
    @Tag("REQ-UI-047")
    void aReviewerSeesAResultNamingOnlyASampleInTheUnlinkedQueueUntilItsLotIsIngested() throws Exception {
        // a material and lot no other test writes: the real B2MML lot message with its numbers replaced
        String material = "UIQ" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String lot = material + "_LOT01";
        Path dir = Files.createTempDirectory("ui-unlinked-");
        Path results = Files.writeString(dir.resolve("lims-moisture.csv"), """
                sample_id,test,method,value,unit,lower_limit,upper_limit,result_time,analyst
                %s,Water content,Karl Fischer,0.42,%%,,1.0,2026-11-20T09:15:00Z,jdoe
                """.formatted(lot));
        JsonObject report = upload(results);
        assertThat(report.getString("status")).as("%s", report).isEqualTo("INGESTED");
        assertThat(report.getJsonArray("warnings").getJsonObject(0).getString("rule")).isEqualTo("RESULT-UNLINKED");

        browser.open("/ui/ingest?tab=unlinked");
        browser.logIn(user = "reviewer");
        assertThat(browser.await(By.cssSelector("button[data-tab=unlinked]")).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.await(By.cssSelector("[data-testid=unlinked-explanation]")).getText())
                .contains("only a sample ID", "linked automatically", "cannot support a release");
        WebElement row = unlinkedRow("results", "data-sample", lot);
        assertThat(row.getText()).contains(lot, "Water content", "0.42 %", "2026-11-20 09:15", "jdoe",
                "source file lims-moisture.csv @ line 2");
        assertThat(row.findElement(By.cssSelector("a.source-file")).getAttribute("href"))
                .endsWith("/api/source-files/" + report.getString("sha256"));
        assertThat(browser.await(By.cssSelector("[data-testid=unlinked-results-count]")).getText())
                .matches("\\d+ results?( loaded, more to load)? waiting for a lot or batch\\.");
        browser.screenshot("ingest-unlinked");

        // the lot arrives (before its material): the result is linked and leaves the queue; the lot's own
        // reference to its material waits in the other half until the material is recorded
        String lotXml = Files.readString(Path.of("src/test/resources/ingest/b2mml/" + MES_LOT_FILE)).replace("CRBN0001", material);
        assertThat(upload(Files.writeString(dir.resolve("LOT-" + lot + ".xml"), lotXml)).getString("status")).isEqualTo("INGESTED");
        browser.driver.navigate().refresh();
        assertThat(unlinked("results", "data-sample")).doesNotContain(lot);
        WebElement reference = unlinkedRow("references", "data-from", "Lot:site:" + lot);
        assertThat(reference.getAttribute("data-target")).isEqualTo("Material:site:" + material);
        assertThat(reference.getText()).contains("materialKey", "/SyncMaterialInformation/");
        assertThat(reference.findElement(By.tagName("a")).getAttribute("href")).endsWith("/ui/lot/site%3A" + lot);
        browser.screenshot("ingest-unlinked-lot-arrived");
        var linked = graphql(inspector(), "query($id: ID!) { lot(id: $id) { testResults { sampleId } } }",
                Json.createObjectBuilder().add("id", "Lot:site:" + lot).build());
        assertThat(text(linked.at("/data/lot/testResults/0/sampleId"))).as("linked to the lot").isEqualTo(lot);
    }

    @Test
    @Tag("REQ-UI-045")
    void anIntegratorIsNotOfferedTheUnlinkedQueueAndIsToldItIsForbidden() {
        browser.open("/ui/ingest?tab=unlinked");
        browser.logIn("integrator");
        assertThat(browser.await(By.cssSelector("[data-testid=tab-unlinked] [data-classification=FORBIDDEN]")).getText())
                .contains("Forbidden", "qa-reviewer", "adapter");
        assertThat(browser.driver.findElements(By.cssSelector("button[data-tab]"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=unlinked]"))).isEmpty();
    }

    @Test
    @Tag("REQ-UI-007")
    void anIntegratorUploadsABadFileAndSeesWhyItWasRefused() throws IOException {
        Path bad = Files.writeString(Files.createTempDirectory("ui-ingest-").resolve("broken-export.csv"),
                "this is,not,a LIMS export\n\"unterminated,quote\n");
        browser.open("/ui/ingest");
        browser.logIn("integrator");
        browser.await(By.id("ingest-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.button("Upload").click();
        WebElement report = browser.await(By.cssSelector("[data-testid=ingest-report]"));
        assertThat(report.getAttribute("data-status")).isEqualTo("REFUSED");
        assertThat(browser.await(By.cssSelector("[data-testid=findings-error]")).getText()).isNotBlank();
        browser.screenshot("ingest-refused");
    }

    @Test
    void anOperatorIsToldTheLedgerIsForbiddenAndGraphiqlRunsWithTheUsersToken() {
        browser.open("/ui/ledger");
        browser.logIn("operator");
        assertThat(browser.await(By.cssSelector("[data-classification=FORBIDDEN]")).getText())
                .contains("Forbidden", "inspector", "operator");
        browser.screenshot("forbidden");

        browser.open("/graphiql");
        browser.await(By.cssSelector(".graphiql-container"));
        browser.await(By.cssSelector(".graphiql-execute-button")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".graphiql-response")).getText().contains("edges"));
        assertThat(browser.driver.findElement(By.cssSelector(".graphiql-response")).getText()).doesNotContain("UNAUTHORIZED");
        browser.screenshot("graphiql");
    }

    @Test
    @Tag("REQ-UI-036")
    @Tag("REQ-UI-037")
    @Tag("REQ-UI-044")
    void anAdminLogsInThroughKeycloakReadsEveryScreenAndIsShownTheSignedActionsAsNotHers() throws IOException {
        String batch = blockedReleaseBatch();
        browser.open("/ui/release");
        browser.logIn(user = "admin");
        assertThat(browser.await(By.cssSelector(".who .roles")).getText()).contains("admin");
        // access-policy.csv: admin reads every data class (records, genealogy, release, recall, audit trail, ledger,
        // ingest reports) and takes no signed command (sign, disposition, exception decisions, withdrawals) nor uploads
        assertThat(browser.driver.findElements(By.cssSelector("nav a")).stream().map(WebElement::getText))
                .containsExactly("Release", "Batches", "CAPAs", "Recall impact", "Ledger", "Ingest", "GraphiQL");
        browser.await(By.cssSelector("[data-testid=release-queue][aria-busy=false] tbody tr"));
        browser.screenshot("admin-release");

        // the batch: its release checks and verdict, but no disposition and no signature offered to her
        browser.open("/ui/batch/" + batch + "?tab=checks");
        assertThat(browser.await(By.cssSelector("[data-testid=verdict]")).getText()).contains("BLOCKED");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=disposition-open]"))).isEmpty();
        browser.open("/ui/batch/" + batch + "?tab=signatures");
        browser.await(By.cssSelector("[data-testid=signatures], main .empty"));
        assertThat(browser.driver.findElements(By.cssSelector("button[data-sign]"))).isEmpty();

        // the review queue: every exception listed, deciding it shown as forbidden with the roles that may
        browser.open("/ui/batch/" + batch + "?tab=review");
        assertThat(browser.await(By.cssSelector("[data-testid=review-forbidden]")).getText()).contains("Forbidden", "admin");
        List<WebElement> forbidden = browser.driver.findElements(By.cssSelector("button[data-forbidden=decide-exception]"));
        assertThat(forbidden).isNotEmpty().allSatisfy(b -> {
            assertThat(b.isEnabled()).isFalse();
            assertThat(b.getAttribute("title")).contains("Forbidden", "qa-reviewer", "qa-release");
        });
        assertThat(browser.driver.findElements(By.cssSelector("button[data-decide]"))).isEmpty();
        browser.screenshot("admin-review-forbidden");

        // the audit trail and the ledger are hers to read and verify
        browser.open("/ui/batch/" + batch + "?tab=audit");
        assertThat(browser.await(By.cssSelector("[data-testid=audit]")).getText()).contains("CREATE");
        // a corrected batch's timeline: who, when, why, old → new
        browser.open("/ui/batch/" + correctedBatch() + "?tab=audit");
        WebElement correction = browser.await(By.xpath("//ol[@data-testid='audit']/li[contains(., 'CORRECT')]"));
        assertThat(correction.getText()).contains("masterRecord: MBR-7 → MBR-7a", "Why: " + CORRECTION_REASON, "operator", "UTC");
        browser.screenshot("audit-correction");
        browser.open("/ui/ledger");
        browser.await(By.cssSelector("[data-testid=verify]")).click();
        assertThat(browser.await(By.cssSelector("[data-testid=verify-result]")).getText()).contains("Verified");

        // ingest: the reports, not the upload (the adapter's)
        browser.open("/ui/ingest");
        WebElement ingest = browser.await(By.cssSelector("section[aria-labelledby=ingest-title]"));
        browser.awaitText(By.cssSelector("section[aria-labelledby=ingest-title]"), "Reports");
        assertThat(ingest.getText()).contains("Uploading needs the adapter role.");
        assertThat(browser.driver.findElements(By.id("ingest-file"))).isEmpty();

        // recall impact of the quarantined API lot
        browser.open("/ui/recall?lot=rp:LOT-API");
        assertThat(browser.await(By.cssSelector("[data-testid=recall-summary]")).getText()).contains("rp:LOT-API", "affected");
        browser.screenshot("admin-recall");
    }

    /** The row of the unlinked queue's table (results or references) whose attribute has the value, paging on as needed. */
    private WebElement unlinkedRow(String half, String attribute, String value) {
        assertThat(unlinked(half, attribute)).contains(value);
        return browser.driver.findElement(By.cssSelector("[data-testid=unlinked-" + half + "] tr[" + attribute + "='" + value + "']"));
    }

    /** The attribute of every row of one half of the unlinked queue, once loaded, after showing every page. */
    private List<String> unlinked(String half, String attribute) {
        browser.await(By.cssSelector("[data-testid=unlinked-" + half + "-section][aria-busy=false]"));
        By rows = By.cssSelector("[data-testid=unlinked-" + half + "] tbody tr");
        By more = By.cssSelector("button[data-more=" + half + "]");
        while (!browser.driver.findElements(more).isEmpty()) {
            int before = browser.driver.findElements(rows).size();
            browser.driver.findElement(more).click();
            browser.waiting().until(d -> d.findElements(rows).size() > before || !d.findElements(By.cssSelector(".state.error")).isEmpty());
            assertThat(browser.driver.findElements(By.cssSelector(".state.error"))).isEmpty();
        }
        return browser.driver.findElements(rows).stream().map(r -> r.getAttribute(attribute)).toList();
    }

    /** POST /api/ingest as the integrator (adapter role), as any integration sends a file; the report JSON. */
    private JsonObject upload(Path file) throws IOException, InterruptedException {
        String boundary = "----ui-it-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/ingest"))
                .header("Authorization", "Bearer " + token("integrator"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(file), tail))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        try (JsonReader json = Json.createReader(new StringReader(answer.body()))) {
            return json.readObject();
        }
    }

    private int rows(String css) {
        return browser.driver.findElements(By.cssSelector(css)).size();
    }

    private String storedUser(String field) {
        return (String) browser.script("const k = Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:'));"
                + "return JSON.parse(sessionStorage.getItem(k))[arguments[0]];", field);
    }

    /** A batch of the demo plant that consumed lots (one with test results if there is one), and one of those lots. */
    private String[] batchWithInputs() {
        var r = new GraphQlHttp(port).post(KeycloakServer.shared().passwordToken("inspector", "demo"), FIRST_BATCHES);
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        String[] found = null;
        for (JsonValue edge : r.at("/data/batches/edges").asJsonArray()) {
            JsonObject node = edge.asJsonObject().getJsonObject("node");
            var inputs = node.getJsonArray("inputs");
            if (!inputs.isEmpty()) {
                String[] pair = {node.getString("key"), inputs.getJsonObject(0).getJsonObject("lot").getString("key")};
                if (!node.getJsonArray("testResults").isEmpty()) {
                    return pair;
                }
                found = found == null ? pair : found;
            }
        }
        assertThat(found).as("a batch with inputs in the demo plant").isNotNull();
        return found;
    }

    /**
     * The release fixture's blocked tablet batch (upstream lot in quarantine, OOS dissolution, open deviation),
     * written beside the demo plant once per graph, then a checkpoint signed over it as the release ITs do.
     */
    private String blockedReleaseBatch() {
        GraphQlHttp graphql = new GraphQlHttp(port);
        String token = KeycloakServer.shared().passwordToken("inspector", "demo");
        var found = graphql.post(token, "{ batch(id: \"Batch:" + ReleasePlant.BATCH + "\") { key } }");
        assertThat(found.status()).as("%s", found.body()).isEqualTo(200);
        if (!(found.body().get("data") instanceof JsonObject data) || data.isNull("batch")) {
            ReleasePlant.blocked().write(Neo4jTestServer.shared().writer());
        }
        var checkpoint = graphql.post(token, "{ ledgerCheckpoint { treeSize } }");
        assertThat(checkpoint.hasErrors()).as("%s", checkpoint.body()).isFalse();
        return ReleasePlant.BATCH;
    }

    /** A small batch beside the demo plant whose master record an operator corrected (once per graph). */
    private String correctedBatch() {
        String key = "t:B-uiaudit";
        var found = new GraphQlHttp(port).post(inspector(), "{ batch(id: \"Batch:" + key + "\") { masterRecord } }");
        if (found.body().get("data") instanceof JsonObject data && !data.isNull("batch")) {
            return key;
        }
        Neo4jTestServer.shared().writer().write(WriteRequest.of(SmallPlant.step("-uiaudit"), SmallPlant.OPERATOR, "batch record"));
        graphql(token("operator"), """
                mutation($id: ID!, $why: String!) { correct(id: $id, reason: $why, changes: [{ field: "masterRecord", value: "MBR-7a" }]) { seq } }""",
                Json.createObjectBuilder().add("id", "Batch:" + key).add("why", CORRECTION_REASON).build());
        return key;
    }

    /** The first file with this ending in the browser's download directory, once complete. */
    private Path awaitDownload(String ending) {
        browser.waiting().until(d -> fileIn(browser.downloads, ending) != null);
        return fileIn(browser.downloads, ending);
    }

    private static Path fileIn(Path dir, String ending) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(ending)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path csvIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
