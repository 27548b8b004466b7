package org.batchledger.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * dispositionException over HTTP with real test tokens, on the blocked release fixture: the README's acceptance run as
 * written, the decision shown in reviewQueue and counted out of releaseQueue's openExceptions, a raised deviation,
 * and the refusals, each typed and writing nothing.
 */
@Tag("REQ-SIGNATURE-010")
@Tag("REQ-WORKFLOW-011")
class ExceptionDispositionApiIT extends HubTestBase {
    private static final String MARK = "<!-- exception-disposition-example -->";
    private static final String BATCH = "Batch:" + ReleasePlant.BATCH;
    private static final String DECIDE = """
            mutation($b: ID!, $x: ID!, $d: ExceptionDecision!, $c: String!) {
              dispositionException(batch: $b, exception: $x, decision: $d, comment: $c) {
                disposition { decision deviationId } deviation { id status severity } seq
              }
            }""";

    @DynamicPropertySource
    static void specifications(DynamicPropertyRegistry registry) {
        registry.add("batchledger.release.specifications",
                () -> Path.of("src/test/resources/release/specifications.json").toAbsolutePath().toString());
    }

    @BeforeEach
    void blockedBatch() {
        cleanLedger();
        ReleasePlant.blocked().write(NEO4J.writer());
    }

    private static String reviewer() {
        return TOKENS.authenticatedAt(Instant.now(), "reviewer", "qa-reviewer");
    }

    private long size() {
        Response r = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ ledgerCheckpoint { treeSize } }");
        return Long.parseLong(r.at("/data/ledgerCheckpoint/treeSize").toString());
    }

    private JsonObject queue() {
        Response r = graphql().post(reviewer(), "{ reviewQueue(batch: \"" + BATCH + "\") { open total exceptions"
                + " { edges { node { id exceptionClass evidenceSha256 disposition { decision decidedBy comment"
                + " deviationId } earlierDispositions { id } } } } } }");
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data").getJsonObject("reviewQueue");
    }

    private JsonObject exception(String exceptionClass) {
        return queue().getJsonObject("exceptions").getJsonArray("edges").stream()
                .map(e -> e.asJsonObject().getJsonObject("node"))
                .filter(n -> n.getString("exceptionClass").equals(exceptionClass)).findFirst().orElseThrow();
    }

    private Response decide(String token, String exceptionId, String decision, String comment) {
        return graphql().post(token, DECIDE, Json.createObjectBuilder().add("b", BATCH).add("x", exceptionId)
                .add("d", decision).add("c", comment).build());
    }

    private static String rule(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("rule", null);
    }

    @Test
    void theReadmesAcceptanceIsSignedShownInTheReviewQueueAndCountedOutOfOpenExceptions() throws Exception {
        String oos = exception("OOS_RESULT").getString("id");
        int open = queue().getInt("open");

        Response r = graphql().post(reviewer(), readmeExample(), Json.createObjectBuilder().add("batch", BATCH)
                .add("exception", oos).build());

        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        JsonObject done = r.body().getJsonObject("data").getJsonObject("dispositionException");
        assertThat(done.getJsonObject("disposition").getString("decision")).isEqualTo("ACCEPT");
        assertThat(done.getJsonObject("disposition").getString("exceptionClass")).isEqualTo("OOS_RESULT");
        assertThat(done.getJsonObject("disposition").getString("decidedBy")).isEqualTo("Demo reviewer");
        assertThat(done.getJsonObject("disposition").get("deviationId")).isEqualTo(JsonValue.NULL);
        assertThat(done.getJsonObject("signature").getString("meaning")).isEqualTo("EXCEPTION_REVIEWED");
        JsonObject shown = exception("OOS_RESULT").getJsonObject("disposition");
        assertThat(shown.getString("decision")).isEqualTo("ACCEPT");
        assertThat(shown.getString("decidedBy")).isEqualTo("Demo reviewer");
        assertThat(shown.getString("comment")).isEqualTo("retest within limits, investigation LIMS-4711 attached");
        assertThat(queue().getInt("open")).isEqualTo(open - 1);
        Response releaseQueue = graphql().post(reviewer(),
                "{ releaseQueue(first: 10) { edges { node { batch { id } openExceptions } } } }");
        assertThat(releaseQueue.body().toString()).contains("{\"batch\":{\"id\":\"" + BATCH
                + "\"},\"openExceptions\":" + (open - 1) + "}");
        Response verified = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ verifyLedger { ok } }");
        assertThat(verified.at("/data/verifyLedger/ok").toString()).as("%s", verified.body()).isEqualTo("true");
    }

    @Test
    @Tag("REQ-WORKFLOW-010")
    void raisingADeviationLinksAnOpenDeviationAndASecondDecisionIsRefused() {
        String oos = exception("OOS_RESULT").getString("id");

        Response raised = decide(reviewer(), oos, "RAISE_DEVIATION", "dissolution OOS: investigate");

        assertThat(raised.hasErrors()).as("%s", raised.body()).isFalse();
        JsonObject done = raised.body().getJsonObject("data").getJsonObject("dispositionException");
        assertThat(done.getJsonObject("deviation").getString("status")).isEqualTo("OPEN");
        assertThat(done.getJsonObject("deviation").getString("severity")).isEqualTo("CRITICAL");
        String deviationId = done.getJsonObject("deviation").getString("id");
        assertThat(done.getJsonObject("disposition").getString("deviationId")).isEqualTo(deviationId);
        assertThat(exception("OOS_RESULT").getJsonObject("disposition").getString("deviationId"))
                .isEqualTo(deviationId);
        long before = size();
        Response again = decide(TOKENS.authenticatedAt(Instant.now(), "releaser", "qa-release"), oos,
                "RAISE_DEVIATION", "again");
        assertThat(again.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(rule(again)).isEqualTo("SIG-EXCEPTION-ONCE");
        assertThat(size()).isEqualTo(before);
    }

    @Test
    void anOperatorAStaleLoginAnUnknownExceptionAndAnOverlongCommentAreRefusedWritingNothing() {
        String oos = exception("OOS_RESULT").getString("id");
        long before = size();

        Response operator = decide(TOKENS.authenticatedAt(Instant.now(), "operator", "operator"), oos, "ACCEPT", "ok");
        Response stale = decide(TOKENS.withoutAuthTime("reviewer", "qa-reviewer"), oos, "ACCEPT", "ok");
        Response unknown = decide(reviewer(), "RX-000000000000000000000000", "ACCEPT", "ok");
        Response overlong = decide(reviewer(), oos, "ACCEPT", "x".repeat(2001));
        Response blank = decide(reviewer(), oos, "ACCEPT", " ");

        assertThat(operator.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(stale.errorClass()).isEqualTo("REAUTHENTICATION_REQUIRED");
        assertThat(unknown.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(rule(unknown)).isEqualTo("SIG-EXCEPTION-UNKNOWN");
        assertThat(rule(overlong)).isEqualTo("SIG-EXCEPTION-COMMENT");
        assertThat(rule(blank)).isEqualTo("SIG-EXCEPTION-COMMENT");
        assertThat(size()).isEqualTo(before);
        assertThat(exception("OOS_RESULT").get("disposition")).isEqualTo(JsonValue.NULL);
    }

    private static String readmeExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf(MARK);
        assertThat(mark).as("README marks its exception disposition example").isPositive();
        int start = readme.indexOf("```graphql", mark) + "```graphql".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
