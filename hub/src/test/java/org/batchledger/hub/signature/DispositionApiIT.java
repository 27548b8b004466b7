package org.batchledger.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
 * disposition over HTTP with real test tokens, on the release fixture: the README's release flow (releaseQueue →
 * releaseReadiness → disposition) with its request run as written, and every refusal typed, writing nothing.
 */
@Tag("REQ-SIGNATURE-008")
@Tag("REQ-SIGNATURE-033")
class DispositionApiIT extends HubTestBase {
    private static final String MARK = "<!-- disposition-example -->";
    private static final String BATCH = "Batch:" + ReleasePlant.BATCH;
    private static final String DISPOSE = """
            mutation($b: ID!, $d: DispositionDecision!, $j: String) {
              disposition(batch: $b, decision: $d, justification: $j) { decision ready batch { status } }
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
        assertThat(size()).isPositive();
    }

    private static String releaser() {
        return TOKENS.authenticatedAt(Instant.now(), "releaser", "qa-release");
    }

    private long size() {
        Response r = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ ledgerCheckpoint { treeSize } }");
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return Long.parseLong(r.at("/data/ledgerCheckpoint/treeSize").toString());
    }

    private Response dispose(String token, String decision, String justification) {
        var vars = Json.createObjectBuilder().add("b", BATCH).add("d", decision);
        if (justification != null) {
            vars.add("j", justification);
        }
        return graphql().post(token, DISPOSE, vars.build());
    }

    private static String rule(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("rule", null);
    }

    @Test
    @Tag("REQ-SIGNATURE-032")
    void theReadmesReleaseFlowHoldsABlockedBatchOnceAndTheLedgerStillVerifies() throws Exception {
        Response queue = graphql().post(releaser(),
                "{ releaseQueue(first: 10) { edges { node { batch { id } verdict } } } }");
        assertThat(queue.body().toString()).contains("{\"batch\":{\"id\":\"" + BATCH + "\"},\"verdict\":\"BLOCKED\"}");

        Response held = graphql().post(releaser(), readmeExample(), Json.createObjectBuilder().add("batch", BATCH)
                .build());

        assertThat(held.hasErrors()).as("%s", held.body()).isFalse();
        JsonObject d = held.body().getJsonObject("data").getJsonObject("disposition");
        assertThat(d.getString("decision")).isEqualTo("ON_HOLD");
        assertThat(d.getBoolean("ready")).isFalse();
        assertThat(d.getJsonArray("failingChecks").toString()).contains("upstream-released: FAIL");
        assertThat(d.getJsonObject("signature").getString("meaning")).isEqualTo("ON_HOLD");
        assertThat(d.getJsonObject("signature").getString("printedName")).isEqualTo("Demo releaser");
        assertThat(d.getJsonObject("snapshot").getString("nodesSha256")).matches("[0-9a-f]{64}");
        assertThat(d.getJsonObject("batch").getString("status")).isEqualTo("UNDER_REVIEW");
        Response readiness = graphql().post(releaser(), "{ releaseReadiness(batch: \"" + BATCH + "\") { verdict } }");
        assertThat(readiness.at("/data/releaseReadiness/verdict").toString()).isEqualTo("\"ON_HOLD\"");

        long before = size();
        Response second = dispose(releaser(), "REJECTED", "second");
        assertThat(second.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(rule(second)).isEqualTo("SIG-DISPOSITION-ONCE");
        assertThat(size()).isEqualTo(before);
        Response verified = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ verifyLedger { ok } }");
        assertThat(verified.at("/data/verifyLedger/ok").toString()).as("%s", verified.body()).isEqualTo("true");
    }

    @Test
    void anOperatorAStaleLoginAndAnUnjustifiedReleaseOfABlockedBatchAreRefusedWritingNothing() {
        long before = size();

        Response operator = dispose(TOKENS.authenticatedAt(Instant.now(), "operator", "operator"), "RELEASED", "x");
        Response stale = dispose(TOKENS.withoutAuthTime("releaser", "qa-release"), "ON_HOLD", "held");
        Response unjustified = dispose(releaser(), "RELEASED", null);

        assertThat(operator.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(stale.errorClass()).isEqualTo("REAUTHENTICATION_REQUIRED");
        assertThat(unjustified.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(rule(unjustified)).isEqualTo("SIG-DISPOSITION-JUSTIFICATION");
        assertThat(unjustified.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                .getJsonArray("failingChecks").toString()).contains("tests-in-spec: FAIL");
        assertThat(size()).isEqualTo(before);
    }

    private static String readmeExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int mark = readme.indexOf(MARK);
        assertThat(mark).as("README marks its disposition example").isPositive();
        int start = readme.indexOf("```graphql", mark) + "```graphql".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
