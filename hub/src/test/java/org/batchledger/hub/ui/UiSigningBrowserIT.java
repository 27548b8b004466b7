package org.batchledger.hub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.support.DemoData;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sign, disposition and deviation-transition dialogs in real headless Chromium against the real hub and
 * Keycloak. The hub's re-authentication window is short (20 s), so "a login older than the window" is a short wait
 * and the re-login through Keycloak's page (max_age=0, prompt=login) is real. Each test is one browser and one
 * Keycloak login: a Keycloak login costs seconds on a loaded machine.
 */
@Tag("REQ-UI-008")
class UiSigningBrowserIT extends BrowserTestBase {
    private static final Duration WINDOW = Duration.ofSeconds(20);
    /** A batch whose step record names the reviewer (Rita Reviewer, by printed name) as its performer. */
    private static final String OWN_BATCH = "t:B-uisod";
    private static final String OWN_STEP = "t:SR-uisod";
    private static final String QUEUE = """
            query($v: [ReleaseVerdict!]) { releaseQueue(first: 100, filter: { verdict: $v }) {
              edges { node { batch { key } verdict } } } }""";

    @DynamicPropertySource
    static void aShortWindow(DynamicPropertyRegistry registry) throws IOException {
        hub(registry, WINDOW);
    }

    @Test
    @Tag("REQ-UI-020")
    @Tag("REQ-UI-021")
    @Tag("REQ-UI-022")
    @Tag("REQ-UI-024")
    @Tag("REQ-UI-026")
    void aReviewerIsRefusedHerOwnRecordThenAfterAStaleLoginLogsInAgainAndHerSignatureLands() throws Exception {
        ownStepRecord();
        String batch = anyDemoBatch();

        browser.open("/ui/batch/" + OWN_BATCH + "?tab=steps");
        browser.logIn(user = "reviewer");
        long loggedInAt = System.currentTimeMillis();

        // segregation of duties: she performed this step, so she may not review it; the rule is named and announced
        openSignDialog("StepRecord:" + OWN_STEP);
        new Select(browser.await(By.id("sign-meaning"))).selectByValue("REVIEWED");
        browser.await(By.id("sign-reason")).sendKeys("second look");
        submit(By.xpath("//dialog//button[normalize-space(.)='Sign']"), "[data-testid=sign-error], [data-testid=manifestation]");
        WebElement refusal = browser.await(By.cssSelector("[data-testid=sign-error]"));
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(refusal.getAttribute("data-kind")).isEqualTo("segregation");
        assertThat(refusal.getAttribute("data-rule")).isEqualTo("SIG-SOD-REVIEW-OWN");
        assertThat(refusal.getText()).startsWith("Segregation of duties");
        browser.screenshot("sign-segregation-of-duties");

        // Escape closes the dialog and gives the focus back to the button that opened it
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid=sign-dialog]")).isEmpty());
        assertThat(browser.driver.switchTo().activeElement().getAttribute("data-sign")).isEqualTo("StepRecord:" + OWN_STEP);

        // her login grows older than the window: signing sends her to Keycloak's login page, then the same signature,
        // as she typed it, is submitted again with the new token
        Thread.sleep(Math.max(0, loggedInAt + WINDOW.toMillis() + 2_000 - System.currentTimeMillis()));
        browser.open("/ui/batch/" + batch + "?tab=signatures");
        openSignDialog("Batch:" + batch);
        new Select(browser.await(By.id("sign-meaning"))).selectByValue("REVIEWED");
        String reason = "batch record reviewed, exceptions none";
        browser.await(By.id("sign-reason")).sendKeys(reason);
        browser.driver.findElement(By.xpath("//dialog//button[normalize-space(.)='Sign']")).click();
        browser.await(By.id("password"));
        assertThat(browser.driver.getCurrentUrl()).as("a forced login").contains("prompt=login").contains("max_age=0");
        browser.screenshot("sign-reauthentication");
        logInAgain("reviewer");

        WebElement manifestation = browser.await(By.cssSelector("[data-testid=manifestation]"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/ui/batch/" + batch + "?tab=signatures");
        assertThat(field(manifestation, "printedName")).isEqualTo("Rita Reviewer");
        assertThat(field(manifestation, "meaning")).isEqualTo("REVIEWED");
        assertThat(field(manifestation, "signedAt")).endsWith("UTC");
        assertThat(manifestation.getText()).contains(reason);
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=sign-dialog]")).getText()).contains("after logging in again");
        browser.screenshot("sign-manifestation");
        browser.button("Close").click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid=signatures] tr")).stream()
                .anyMatch(r -> r.getText().contains("Rita Reviewer") && r.getText().contains(reason)));
    }

    @Test
    @Tag("REQ-UI-022")
    @Tag("REQ-UI-023")
    @Tag("REQ-UI-024")
    @Tag("REQ-UI-025")
    @Tag("REQ-UI-026")
    void aReleaserIsRefusedABlockedBatchWithItsFailingChecksReleasesAReadyOneOnceAndMovesADeviation() {
        // a signed checkpoint over the plant, so its designed READY batches pass ledger-verified
        var checkpoint = new GraphQlHttp(port).post(inspector(), "{ ledgerCheckpoint { treeSize } }");
        assertThat(checkpoint.hasErrors()).as("%s", checkpoint.body()).isFalse();
        String blocked = queued("BLOCKED").getFirst().getJsonObject("batch").getString("key");
        String ready = queued("READY").getFirst().getJsonObject("batch").getString("key");

        browser.open("/ui/batch/" + blocked + "?tab=checks");
        browser.logIn(user = "releaser");

        // not ready and no justification: refused, the failing checks listed as the hub named them
        openDisposition("RELEASED", null);
        assertThat(browser.await(By.cssSelector("[data-testid=disposition-verdict]")).getText()).contains("BLOCKED");
        List<String> shown = browser.driver.findElements(By.cssSelector("[data-testid=disposition-failing] li"))
                .stream().map(li -> li.getAttribute("data-check")).toList();
        assertThat(shown).isNotEmpty();
        assertThat(browser.await(By.cssSelector("[data-testid=disposition-confirm]")).getText()).contains("RELEASED", "BLOCKED");
        submit(By.xpath("//dialog//button[normalize-space(.)='Sign RELEASED']"), "[data-testid=disposition-error], [data-testid=disposition-done]");
        WebElement refusal = browser.await(By.cssSelector("[data-testid=disposition-error]"));
        assertThat(refusal.getAttribute("data-kind")).isEqualTo("not-ready");
        assertThat(refusal.getAttribute("data-rule")).isEqualTo("SIG-DISPOSITION-JUSTIFICATION");
        List<String> listed = refusal.findElements(By.cssSelector("[data-testid=disposition-error-details] li")).stream()
                .map(WebElement::getText).toList();
        assertThat(listed).hasSameSizeAs(shown);
        shown.forEach(check -> assertThat(listed).anyMatch(l -> l.startsWith(check)));
        browser.screenshot("disposition-not-ready");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid=disposition-dialog]")).isEmpty());

        // a ready batch is released: the manifestation, the new status; a second disposition is refused as such
        browser.open("/ui/batch/" + ready + "?tab=checks");
        openDisposition("RELEASED", null);
        assertThat(browser.await(By.cssSelector("[data-testid=disposition-verdict]")).getText()).contains("READY");
        submit(By.xpath("//dialog//button[normalize-space(.)='Sign RELEASED']"), "[data-testid=disposition-error], [data-testid=disposition-done]");
        assertThat(browser.await(By.cssSelector("[data-testid=disposition-done]")).getText()).contains("RELEASED");
        WebElement manifestation = browser.await(By.cssSelector("[data-testid=manifestation]"));
        assertThat(field(manifestation, "printedName")).isEqualTo("Rosa Releaser");
        assertThat(field(manifestation, "meaning")).isEqualTo("RELEASED");
        browser.screenshot("disposition-released");
        browser.button("Close").click();
        browser.awaitText(By.cssSelector("[data-testid=batch-header]"), "RELEASED");

        openDisposition("ON_HOLD", "second opinion requested");
        submit(By.xpath("//dialog//button[normalize-space(.)='Sign ON_HOLD']"), "[data-testid=disposition-error], [data-testid=disposition-done]");
        WebElement once = browser.await(By.cssSelector("[data-testid=disposition-error]"));
        assertThat(once.getAttribute("data-kind")).isEqualTo("already-dispositioned");
        assertThat(once.getText()).contains("Already dispositioned", "RELEASED");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);

        // a deviation: an illegal transition is named with its state and the allowed ones, the legal one is taken
        JsonObject deviation = openDeviation();
        String state = deviation.getString("status");
        boolean open = "OPEN".equals(state);
        String illegal = open ? "CLOSE" : "START_INVESTIGATION";
        String legal = switch (state) {
            case "OPEN" -> "START_INVESTIGATION";
            case "UNDER_INVESTIGATION" -> "CLOSE";
            default -> "CLOSE_WITH_CAPA";
        };
        browser.open("/ui/batch/" + deviation.getString("batch") + "?tab=deviations");
        browser.await(By.cssSelector("button[data-transition='" + deviation.getString("id") + "']")).click();
        new Select(browser.await(By.id("transition-name"))).selectByValue(illegal);
        browser.await(By.id("transition-reason")).sendKeys("investigation step");
        submit(By.xpath("//dialog//button[normalize-space(.)='Sign transition']"), "[data-testid=transition-error], [data-testid=transition-done]");
        WebElement refused = browser.await(By.cssSelector("[data-testid=transition-error]"));
        assertThat(refused.getAttribute("data-kind")).isEqualTo("illegal-transition");
        assertThat(refused.getText()).contains("Current state: " + state);
        assertThat(refused.findElements(By.cssSelector("li")).stream().map(WebElement::getText))
                .anyMatch(li -> li.startsWith("Allowed from here: ") && li.contains(legal));
        browser.screenshot("deviation-illegal-transition");
        new Select(browser.await(By.id("transition-name"))).selectByValue(legal);
        if (open) {
            new Select(browser.await(By.id("transition-classification"))).selectByValue("EQUIPMENT");
        } else {
            browser.await(By.id("transition-root-cause")).sendKeys("worn gasket on the blister line");
            browser.await(By.id("transition-capa")).sendKeys("CAPA-UI-1");
        }
        submit(By.xpath("//dialog//button[normalize-space(.)='Sign transition']"), "[data-testid=transition-error], [data-testid=transition-done]");
        String next = open ? "UNDER_INVESTIGATION" : "CLOSED";
        assertThat(browser.await(By.cssSelector("[data-testid=transition-done]")).getText()).contains(state + " → " + next);
        browser.button("Close").click();
        browser.await(By.cssSelector("tr[data-deviation='" + deviation.getString("key") + "'][data-status=" + next + "]"));
    }

    private void openSignDialog(String record) {
        browser.await(By.cssSelector("button[data-sign='" + record + "']")).click();
        browser.await(By.cssSelector("[data-testid=sign-dialog]"));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("focus in the dialog").isEqualTo("sign-meaning");
    }

    private void openDisposition(String decision, String justification) {
        browser.await(By.cssSelector("[data-testid=disposition-open]")).click();
        browser.await(By.cssSelector("[data-testid=disposition-dialog]"));
        new Select(browser.await(By.id("disposition-decision"))).selectByValue(decision);
        if (justification != null) {
            browser.await(By.id("disposition-justification")).sendKeys(justification);
        }
        browser.button("Continue").click();
    }

    private static String field(WebElement manifestation, String name) {
        return manifestation.findElement(By.cssSelector("[data-field=" + name + "]")).getText();
    }

    private List<JsonObject> queued(String verdict) {
        var r = new GraphQlHttp(port).post(inspector(), QUEUE, Json.createObjectBuilder()
                .add("v", Json.createArrayBuilder().add(verdict)).build());
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        List<JsonObject> rows = r.at("/data/releaseQueue/edges").asJsonArray().stream()
                .map(e -> e.asJsonObject().getJsonObject("node")).toList();
        assertThat(rows).as("a %s batch in the test plant's release queue; the designed READY ones say: %s", verdict,
                rows.isEmpty() ? designedReady() : "").isNotEmpty();
        return rows;
    }

    private String designedReady() {
        StringBuilder out = new StringBuilder();
        SyntheticPlant.of(DemoData.SEED, DemoData.SIZE).releaseSpread().stream()
                .filter(b -> b.releaseCase().name().equals("READY")).forEach(b -> out.append(new GraphQlHttp(port)
                        .post(inspector(), "{ releaseReadiness(batch: \"Batch:" + b.batchKey() + "\") { verdict checks { name status explanation } } }")
                        .body()).append('\n'));
        return out.toString();
    }

    /** A deviation not closed yet (OPEN or UNDER_INVESTIGATION) of a batch awaiting disposition, with that batch's key (one batch read at a time). */
    private JsonObject openDeviation() {
        for (JsonObject row : queued("BLOCKED")) {
            String key = row.getJsonObject("batch").getString("key");
            var r = new GraphQlHttp(port).post(inspector(), "{ batch(id: \"Batch:" + key + "\") { deviations { id key status } } }");
            assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
            for (JsonValue d : r.at("/data/batch/deviations").asJsonArray()) {
                if (!"CLOSED".equals(d.asJsonObject().getString("status"))) {
                    return Json.createObjectBuilder(d.asJsonObject()).add("batch", key).build();
                }
            }
        }
        throw new AssertionError("no open deviation on a blocked batch of the test plant");
    }

    private String anyDemoBatch() {
        var r = new GraphQlHttp(port).post(inspector(), "{ batches(first: 1) { edges { node { key } } } }");
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.at("/data/batches/edges/0/node/key").toString().replace("\"", "");
    }

    /** A small batch beside the demo plant whose step record the reviewer herself performed (once per graph). */
    private void ownStepRecord() {
        var found = new GraphQlHttp(port).post(inspector(), "{ batch(id: \"Batch:" + OWN_BATCH + "\") { key } }");
        if (found.body().getJsonObject("data") != null && !found.body().getJsonObject("data").isNull("batch")) {
            return;
        }
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step("-uisod"));
        records.add(new StepRecord(OWN_STEP, OWN_BATCH, "granulate", "impeller speed", "120", "rpm", 100.0, 150.0,
                SmallPlant.T0.plusSeconds(900), "Rita Reviewer", SmallPlant.provenance(OWN_STEP)));
        Neo4jTestServer.shared().writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch record"));
    }
}
