package org.batchledger.hub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.KeycloakServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The review queue, the withdraw-signature dialog and the CAPA screens in real headless Chromium against the real hub
 * and Keycloak, on the demo plant: a reviewer accepts one exception and raises a deviation from another, withdraws
 * the acceptance's signature (the exception is to review again); an operator, for whom deciding exceptions is
 * forbidden, moves a CAPA one transition and sees the next one forbidden. One browser and one Keycloak login per test.
 */
@Tag("REQ-UI-004")
class UiReviewBrowserIT extends SharedHubBrowserBase {
    private static final String QUEUE = """
            { releaseQueue(first: 100) { edges { node { batch { key } openExceptions } } } }""";
    private static final String EXCEPTIONS = """
            query($b: ID!) { reviewQueue(batch: $b) { exceptions(first: 50) { edges { node { id exceptionClass disposition { key }
              earlierDispositions { key } } } } } }""";
    private static final String OPEN_CAPA = """
            mutation($d: ID!) { openCapa(title: "Gasket wear on the blister line", action: "replace gaskets every 500 h",
              deviations: [$d]) { id key } }""";
    private static final String DECIDE = """
            mutation($batch: ID!, $exception: ID!, $decision: ExceptionDecision!, $comment: String!) {
              dispositionException(batch: $batch, exception: $exception, decision: $decision, comment: $comment) { signature { id } } }""";
    private static final String WITHDRAW = """
            mutation($s: ID!, $r: String!) { withdrawSignature(signature: $s, reason: $r) { reason } }""";

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

    @Test
    @Tag("REQ-UI-038")
    @Tag("REQ-UI-039")
    void aReleaserOnAStalePageIsRefusedADecisionAndAWithdrawalWithTheHubsTypedMessage() {
        Pending pending = batchWithTwoUndecidedExceptions();
        String accept = pending.exceptions().get(0);
        String raise = pending.exceptions().get(1);
        browser.open("/ui/batch/" + pending.batch() + "?tab=review");
        browser.logIn(user = "releaser");
        browser.await(By.cssSelector("button[data-decide=ACCEPT][data-exception='" + accept + "']"));

        // while her page stands, a second reviewer decides both exceptions
        String signature = decideThroughTheApi("reviewer2", pending.batch(), accept, "ACCEPT", "assessed by the second reviewer");
        decideThroughTheApi("reviewer2", pending.batch(), raise, "RAISE_DEVIATION", "raised by the second reviewer");

        // her acceptance is refused: the hub's rule and message in the dialog, her comment kept, nothing blank
        String comment = "accepted on a stale page";
        tryToDecide(accept, "ACCEPT", comment);
        WebElement refusal = browser.await(By.cssSelector("[data-testid=exception-error]"));
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(refusal.getAttribute("data-kind")).isEqualTo("already-decided");
        assertThat(refusal.getAttribute("data-rule")).isEqualTo("SIG-EXCEPTION-ONCE");
        assertThat(refusal.getText()).startsWith("Already decided").contains(hubMessage("releaser", DECIDE, Json.createObjectBuilder()
                .add("batch", "Batch:" + pending.batch()).add("exception", accept).add("decision", "ACCEPT").add("comment", comment).build()));
        assertThat(browser.await(By.cssSelector("[data-testid=exception-error-details]")).getText()).contains("Standing decision: ACCEPT");
        assertThat(browser.await(By.id("exception-comment")).getAttribute("value")).isEqualTo(comment);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=exception-done]"))).isEmpty();
        browser.screenshot("review-refused-decided");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid=exception-dialog]")).isEmpty());

        // raising a deviation from the other is refused the same way, naming the deviation already raised
        tryToDecide(raise, "RAISE_DEVIATION", "raised on a stale page");
        WebElement raised = browser.await(By.cssSelector("[data-testid=exception-error]"));
        assertThat(raised.getAttribute("data-rule")).isEqualTo("SIG-EXCEPTION-ONCE");
        assertThat(browser.await(By.cssSelector("[data-testid=exception-error-details]")).getText())
                .contains("Standing decision: RAISE_DEVIATION", "Deviation raised: Deviation:");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);

        // the page again: the second reviewer's acceptance stands; she opens its withdrawal, which the signer makes first
        browser.driver.navigate().refresh();
        browser.await(By.cssSelector("button[data-review-show=decided]")).click();
        browser.await(By.cssSelector("tr[data-exception='" + accept + "'][data-state=accepted] button[data-withdraw]")).click();
        browser.await(By.id("withdraw-reason")).sendKeys("withdrawn on a stale page");
        String reason = "the signer's own withdrawal";
        var withdrawn = graphql(token("reviewer2"), WITHDRAW, Json.createObjectBuilder().add("s", signature).add("r", reason).build());
        assertThat(text(withdrawn.at("/data/withdrawSignature/reason"))).isEqualTo(reason);
        submit(By.xpath("//dialog//button[normalize-space(.)='Withdraw signature']"), "[data-testid=withdraw-done], [data-testid=withdraw-error]");
        WebElement once = browser.await(By.cssSelector("[data-testid=withdraw-error]"));
        assertThat(once.getAttribute("role")).isEqualTo("alert");
        assertThat(once.getAttribute("data-kind")).isEqualTo("already-withdrawn");
        assertThat(once.getAttribute("data-rule")).isEqualTo("WDR-ONCE");
        assertThat(once.getText()).startsWith("Already withdrawn").contains(hubMessage("releaser", WITHDRAW,
                Json.createObjectBuilder().add("s", signature).add("r", "withdrawn on a stale page").build()));
        assertThat(browser.await(By.id("withdraw-reason")).getAttribute("value")).isEqualTo("withdrawn on a stale page");
        browser.screenshot("withdraw-refused-once");
    }

    /** A decision signed through the API (a fresh token, so a recent login); the ID of its signature. */
    private String decideThroughTheApi(String username, String batch, String exception, String decision, String comment) {
        var r = graphql(token(username), DECIDE, Json.createObjectBuilder().add("batch", "Batch:" + batch)
                .add("exception", exception).add("decision", decision).add("comment", comment).build());
        return text(r.at("/data/dispositionException/signature/id"));
    }

    /** The message the hub refuses this command with, asked through the API: what the dialog must show. */
    private String hubMessage(String username, String document, JsonObject variables) {
        var r = new GraphQlHttp(port).post(token(username), document, variables);
        assertThat(r.hasErrors()).as("refused: %s", r.body()).isTrue();
        return text(r.at("/errors/0/message"));
    }

    private void tryToDecide(String exception, String decision, String comment) {
        browser.await(By.cssSelector("button[data-decide=" + decision + "][data-exception='" + exception + "']")).click();
        browser.await(By.cssSelector("[data-testid=exception-dialog]"));
        browser.await(By.id("exception-comment")).sendKeys(comment);
        submit(By.xpath("//dialog//button[starts-with(normalize-space(.), 'Sign:')]"), "[data-testid=exception-done], [data-testid=exception-error]");
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
