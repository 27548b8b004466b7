package org.batchledger.hub.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchledger.hub.support.DemoData;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.KeycloakServer;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The review queue, the withdraw-signature dialog and the CAPA screens in real headless Chromium against the real hub
 * and Keycloak, on the demo plant: a reviewer accepts one exception and raises a deviation from another, withdraws
 * the acceptance's signature (the exception is to review again); an operator, for whom deciding exceptions is
 * forbidden, moves a CAPA one transition and sees the next one forbidden. One browser and one Keycloak login per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("REQ-UI-004")
class UiReviewBrowserIT {
    private static final String QUEUE = """
            { releaseQueue(first: 100) { edges { node { batch { key } openExceptions } } } }""";
    private static final String EXCEPTIONS = """
            query($b: ID!) { reviewQueue(batch: $b) { exceptions(first: 50) { edges { node { id exceptionClass disposition { key }
              earlierDispositions { key } } } } } }""";
    private static final String OPEN_CAPA = """
            mutation($d: ID!) { openCapa(title: "Gasket wear on the blister line", action: "replace gaskets every 500 h",
              deviations: [$d]) { id key } }""";

    @LocalServerPort
    int port;

    private Browser browser;
    private String user;

    @DynamicPropertySource
    static void realKeycloakAndTheDemoPlant(DynamicPropertyRegistry registry) throws IOException {
        KeycloakServer keycloak = KeycloakServer.shared();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ui-review-it-data-");
        Path specs = data.resolve("specifications.json");
        Files.writeString(specs, synthplantSpecifications());
        registry.add("batchledger.neo4j.uri", () -> Neo4jTestServer.shared().uri().toString());
        registry.add("batchledger.keycloak.issuer", keycloak::issuer);
        registry.add("batchledger.keycloak.jwk-set-uri", keycloak::jwkSetUri);
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("batchledger.data-dir", data::toString);
        registry.add("batchledger.release.specifications", specs::toString);
        // a window longer than the test on a loaded machine: re-authentication is UiSigningBrowserIT's subject
        registry.add("batchledger.signature.reauthentication-window", () -> "PT30M");
    }

    private static String synthplantSpecifications() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        SyntheticPlant.specifications().all().forEach(s -> all.add(Json.createObjectBuilder()
                .add("product", s.product()).add("version", s.version())
                .add("tests", Json.createArrayBuilder(s.tests())).add("steps", Json.createArrayBuilder(s.steps()))));
        return Json.createObjectBuilder().add("specifications", all).build().toString();
    }

    @BeforeAll
    static void chromiumIsThere() {
        assumeTrue(Browser.available(), "UI browser tests skipped: no executable " + Browser.CHROMIUM + " and "
                + Browser.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        DemoData.ensureLoaded();
    }

    @BeforeEach
    void start() {
        KeycloakServer.shared().allowWebOrigin("ui-client", base());
        browser = new Browser(base());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Tag("REQ-UI-027")
    @Tag("REQ-UI-028")
    @Tag("REQ-UI-029")
    @Tag("REQ-UI-031")
    void aReviewerAcceptsOneExceptionRaisesADeviationFromAnotherAndWithdrawsTheAcceptance() {
        Pending pending = batchWithTwoUndecidedExceptions();
        String accept = pending.exceptions().get(0);
        String raise = pending.exceptions().get(1);
        browser.open("/ui/batch/" + pending.batch() + "?tab=review");
        browser.logIn(user = "reviewer");
        WebElement summary = browser.await(By.cssSelector("[data-testid=review-summary]"));
        assertThat(summary.getText()).contains("to review");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=review-forbidden]"))).isEmpty();
        browser.screenshot("review-queue");

        // accept with a comment: signed EXCEPTION_REVIEWED, the manifestation shown, the exception leaves "to review"
        decide(accept, "ACCEPT", "known carry-over from the previous campaign, assessed in QA-RA-12");
        WebElement done = browser.await(By.cssSelector("[data-testid=exception-done]"));
        assertThat(done.getAttribute("data-decision")).isEqualTo("ACCEPT");
        WebElement manifestation = browser.await(By.cssSelector("[data-testid=manifestation]"));
        assertThat(manifestation.findElement(By.cssSelector("[data-field=meaning]")).getText()).isEqualTo("EXCEPTION_REVIEWED");
        assertThat(manifestation.findElement(By.cssSelector("[data-field=printedName]")).getText()).isEqualTo("Rita Reviewer");
        browser.screenshot("review-accepted");
        browser.button("Close").click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("tr[data-exception='" + accept + "']")).isEmpty());

        // raise a deviation from another: the new OPEN deviation is named and is on the batch's deviations tab
        decide(raise, "RAISE_DEVIATION", "third late entry this month: investigate the shift handover");
        assertThat(browser.await(By.cssSelector("[data-testid=exception-done]")).getAttribute("data-decision"))
                .isEqualTo("RAISE_DEVIATION");
        String deviation = browser.await(By.cssSelector("[data-testid=exception-deviation] strong")).getText();
        assertThat(browser.await(By.cssSelector("[data-testid=exception-deviation]")).getText()).contains("OPEN");
        browser.screenshot("review-deviation-raised");
        browser.button("Close").click();

        // both decided; the acceptance's signature is withdrawn with a reason, and the exception is to review again
        browser.await(By.cssSelector("button[data-review-show=decided]")).click();
        browser.await(By.cssSelector("tr[data-exception='" + raise + "'][data-state=deviation-raised]"));
        WebElement accepted = browser.await(By.cssSelector("tr[data-exception='" + accept + "'][data-state=accepted]"));
        accepted.findElement(By.cssSelector("button[data-withdraw]")).click();
        browser.await(By.cssSelector("[data-testid=withdraw-dialog]"));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("withdraw-reason");
        browser.await(By.id("withdraw-reason")).sendKeys("accepted the wrong exception");
        submit(By.xpath("//dialog//button[normalize-space(.)='Withdraw signature']"), "[data-testid=withdraw-done], [data-testid=withdraw-error]");
        assertThat(browser.await(By.cssSelector("[data-testid=withdraw-done]")).getText())
                .contains("Rita Reviewer", "accepted the wrong exception");
        browser.screenshot("signature-withdrawn");
        browser.button("Close").click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("tr[data-exception='" + accept + "']")).isEmpty());
        browser.await(By.cssSelector("button[data-review-show=open]")).click();
        browser.await(By.cssSelector("tr[data-exception='" + accept + "'] button[data-decide=ACCEPT]"));

        browser.open("/ui/batch/" + pending.batch() + "?tab=deviations");
        browser.await(By.cssSelector("tr[data-deviation='" + deviation + "'][data-status=OPEN]"));
    }

    @Test
    @Tag("REQ-UI-030")
    @Tag("REQ-UI-032")
    @Tag("REQ-UI-033")
    void anOperatorSeesDecidingExceptionsForbiddenAndImplementsACapaWhoseNextStepIsForbiddenToHim() {
        String deviationId = anyDeviation();
        var opened = new GraphQlHttp(port).post(KeycloakServer.shared().passwordToken("reviewer", "demo"), OPEN_CAPA,
                Json.createObjectBuilder().add("d", deviationId).build());
        assertThat(opened.hasErrors()).as("%s", opened.body()).isFalse();
        String capa = opened.at("/data/openCapa/key").toString().replace("\"", "");
        Pending pending = batchWithTwoUndecidedExceptions();

        browser.open("/ui/batch/" + pending.batch() + "?tab=review");
        browser.logIn(user = "operator");
        assertThat(browser.await(By.cssSelector("[data-testid=review-forbidden]")).getText()).contains("Forbidden");
        WebElement forbidden = browser.await(By.cssSelector("tr[data-exception='" + pending.exceptions().getFirst()
                + "'] button[data-forbidden=decide-exception]"));
        assertThat(forbidden.isEnabled()).isFalse();
        browser.screenshot("review-forbidden");

        // the CAPA list by URL and status filter, then its page
        browser.open("/ui/capas?status=OPENED");
        browser.await(By.cssSelector("tr[data-capa='" + capa + "'] a")).click();
        browser.awaitText(By.cssSelector("[data-testid=capa-status]"), "OPENED");
        assertThat(browser.await(By.cssSelector("[data-testid=capa-deviations]")).getText())
                .contains(deviationId.replace("Deviation:", ""));
        browser.screenshot("capa-opened");
        browser.await(By.cssSelector("button[data-capa-transition=IMPLEMENT]")).click();
        browser.await(By.cssSelector("[data-testid=transition-dialog]"));
        assertThat(new Select(browser.await(By.id("transition-name"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("IMPLEMENT");
        browser.await(By.id("transition-reason")).sendKeys("gaskets replaced, work order WO-4711");
        submit(By.xpath("//dialog//button[normalize-space(.)='Sign transition']"), "[data-testid=transition-done], [data-testid=transition-error]");
        assertThat(browser.await(By.cssSelector("[data-testid=transition-done]")).getText()).contains("OPENED → IMPLEMENTED");
        browser.button("Close").click();
        browser.awaitText(By.cssSelector("[data-testid=capa-status]"), "IMPLEMENTED");
        WebElement next = browser.await(By.cssSelector("button[data-forbidden=CHECK_EFFECTIVENESS]"));
        assertThat(next.isEnabled()).isFalse();
        assertThat(browser.await(By.cssSelector("[data-testid=capa-transitions]")).getText()).contains("Forbidden", "qa-reviewer");
        browser.screenshot("capa-implemented");
    }

    private void decide(String exception, String decision, String comment) {
        browser.await(By.cssSelector("button[data-decide=" + decision + "][data-exception='" + exception + "']")).click();
        browser.await(By.cssSelector("[data-testid=exception-dialog]"));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("focus in the dialog").isEqualTo("exception-comment");
        browser.await(By.id("exception-comment")).sendKeys(comment);
        submit(By.xpath("//dialog//button[starts-with(normalize-space(.), 'Sign:')]"), "[data-testid=exception-done], [data-testid=exception-error]");
        List<WebElement> refused = browser.driver.findElements(By.cssSelector("[data-testid=exception-error]"));
        assertThat(refused).as("refused: %s", refused.isEmpty() ? "" : refused.getFirst().getText()).isEmpty();
    }

    /** Clicks a dialog's submit button and waits for an outcome, logging in again if the hub asked for it. */
    private void submit(By button, String outcomes) {
        browser.await(button).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector(outcomes)).isEmpty() || !d.findElements(By.id("password")).isEmpty());
        if (!browser.driver.findElements(By.id("password")).isEmpty()) {
            browser.await(By.id("password")).sendKeys("demo");
            browser.driver.findElement(By.id("kc-login")).click();
            browser.await(By.cssSelector(outcomes));
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String inspector() {
        return KeycloakServer.shared().passwordToken("inspector", "demo");
    }

    record Pending(String batch, List<String> exceptions) {
    }

    /**
     * A batch of the release queue with two exceptions no decision covers, neither from the audit-trail review (which
     * the reviewer's own earlier acts may touch); the queue's count first, then one review queue read per batch.
     */
    private Pending batchWithTwoUndecidedExceptions() {
        var queue = new GraphQlHttp(port).post(inspector(), QUEUE);
        assertThat(queue.hasErrors()).as("%s", queue.body()).isFalse();
        for (JsonValue e : queue.at("/data/releaseQueue/edges").asJsonArray()) {
            JsonObject node = e.asJsonObject().getJsonObject("node");
            if (node.getInt("openExceptions") < 2) {
                continue;
            }
            String batch = node.getJsonObject("batch").getString("key");
            var r = new GraphQlHttp(port).post(inspector(), EXCEPTIONS, Json.createObjectBuilder().add("b", "Batch:" + batch).build());
            assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
            List<String> undecided = r.at("/data/reviewQueue/exceptions/edges").asJsonArray().stream()
                    .map(x -> x.asJsonObject().getJsonObject("node"))
                    .filter(x -> x.isNull("disposition") && x.getJsonArray("earlierDispositions").isEmpty()
                            && !"AUDIT_TRAIL_REVIEW".equals(x.getString("exceptionClass")))
                    .map(x -> x.getString("id")).toList();
            if (undecided.size() >= 2) {
                return new Pending(batch, undecided.subList(0, 2));
            }
        }
        throw new AssertionError("no batch of the demo plant with two undecided exceptions");
    }

    private String anyDeviation() {
        var r = new GraphQlHttp(port).post(inspector(), "{ deviations(first: 1) { edges { node { id } } } }");
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.at("/data/deviations/edges/0/node/id").toString().replace("\"", "");
    }
}
