package org.batchledger.hub.workflow;

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

/**
 * CAPA over GraphQL with real test tokens, on the release fixture's MAJOR deviation rp:DEV-7: the README's CAPA flow
 * run as written (open, implement, check effectiveness, close; then the deviation closed with it), and the
 * refusals (illegal transition, the implementer checking their own action, wrong role, unknown CAPA), each typed
 * and writing nothing.
 */
@Tag("REQ-WORKFLOW-003")
@Tag("REQ-WORKFLOW-002")
class CapaApiIT extends HubTestBase {
    private static final String DEVIATION = "Deviation:rp:DEV-7";
    private static final String DEVIATION_STEP = """
            mutation($t: String!, $root: String, $capa: String, $cls: DeviationClassification) {
              transitionDeviation(deviation: "Deviation:rp:DEV-7", transition: $t, reason: "per SOP QA-014",
                                  rootCause: $root, capaReference: $capa, classification: $cls) {
                deviation { status classification impactAssessment } toState
              }
            }""";

    @BeforeEach
    void blockedBatch() {
        cleanLedger();
        ReleasePlant.blocked().write(NEO4J.writer());
    }

    private static String token(String user, String role) {
        return TOKENS.authenticatedAt(Instant.now(), user, role);
    }

    private long size() {
        Response r = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ ledgerCheckpoint { treeSize } }");
        return Long.parseLong(r.at("/data/ledgerCheckpoint/treeSize").toString());
    }

    private JsonObject open() throws Exception {
        Response r = graphql().post(token("reviewer", "qa-reviewer"), readmeExample("<!-- capa-open-example -->"),
                Json.createObjectBuilder().add("deviation", DEVIATION).build());
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data").getJsonObject("openCapa");
    }

    private Response step(String token, String capa, String transition) throws Exception {
        return graphql().post(token, readmeExample("<!-- capa-transition-example -->"), Json.createObjectBuilder()
                .add("capa", capa).add("transition", transition).build());
    }

    private Response deviation(String token, String transition, String rootCause, String capa, String cls) {
        var vars = Json.createObjectBuilder().add("t", transition);
        if (rootCause != null) {
            vars.add("root", rootCause);
        }
        if (capa != null) {
            vars.add("capa", capa);
        }
        if (cls != null) {
            vars.add("cls", cls);
        }
        return graphql().post(token, DEVIATION_STEP, vars.build());
    }

    private static String rule(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("rule", null);
    }

    @Test
    void theReadmesCapaFlowClosesTheCapaAndThenTheDeviationWithIt() throws Exception {
        Response started = deviation(token("reviewer", "qa-reviewer"), "START_INVESTIGATION", null, null, "EQUIPMENT");
        assertThat(started.hasErrors()).as("%s", started.body()).isFalse();
        assertThat(started.at("/data/transitionDeviation/deviation/impactAssessment").toString()).isEqualTo("[]");
        assertThat(deviation(token("reviewer", "qa-reviewer"), "REQUIRE_CAPA", "worn punches", null, null)
                .at("/data/transitionDeviation/toState").toString()).isEqualTo("\"CAPA_REQUIRED\"");
        JsonObject capa = open();
        assertThat(capa.getString("status")).isEqualTo("OPENED");
        assertThat(capa.getJsonArray("deviations").getString(0)).isEqualTo(DEVIATION);
        String id = capa.getString("id");

        Response implemented = step(token("operator", "operator"), id, "IMPLEMENT");
        Response checked = step(token("reviewer", "qa-reviewer"), id, "CHECK_EFFECTIVENESS");
        Response closed = step(token("releaser", "qa-release"), id, "CLOSE");

        assertThat(implemented.hasErrors()).as("%s", implemented.body()).isFalse();
        assertThat(implemented.at("/data/transitionCapa/toState").toString()).isEqualTo("\"IMPLEMENTED\"");
        assertThat(checked.at("/data/transitionCapa/toState").toString()).isEqualTo("\"EFFECTIVENESS_CHECKED\"");
        assertThat(closed.at("/data/transitionCapa/capa/status").toString()).isEqualTo("\"CLOSED\"");
        Response deviationClosed = deviation(token("releaser", "qa-release"), "CLOSE_WITH_CAPA", "worn punches",
                capa.getString("key"), null);
        assertThat(deviationClosed.hasErrors()).as("%s", deviationClosed.body()).isFalse();
        assertThat(deviationClosed.at("/data/transitionDeviation/deviation/status").toString())
                .isEqualTo("\"CLOSED\"");
        Response verified = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ verifyLedger { ok } }");
        assertThat(verified.at("/data/verifyLedger/ok").toString()).as("%s", verified.body()).isEqualTo("true");
    }

    @Test
    @Tag("REQ-WORKFLOW-014")
    void anIllegalStepTheImplementerCheckingTheirOwnActionAWrongRoleAndAnUnknownCapaAreRefused() throws Exception {
        String id = open().getString("id");
        long before = size();

        Response illegal = step(token("releaser", "qa-release"), id, "CLOSE");
        Response operatorOpens = graphql().post(token("operator", "operator"), readmeExample(
                "<!-- capa-open-example -->"), Json.createObjectBuilder().add("deviation", DEVIATION).build());
        Response unknown = step(token("releaser", "qa-release"), "Capa:hub:capa:none", "IMPLEMENT");
        Response noClassification = deviation(token("reviewer", "qa-reviewer"), "START_INVESTIGATION", null, null,
                null);

        assertThat(illegal.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(rule(illegal)).isEqualTo("WF-ILLEGAL-TRANSITION");
        assertThat(illegal.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                .getString("state")).isEqualTo("OPENED");
        assertThat(operatorOpens.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(rule(unknown)).isEqualTo("WF-RECORD");
        assertThat(rule(noClassification)).isEqualTo("WF-CLASSIFICATION");
        assertThat(size()).isEqualTo(before);

        assertThat(step(token("reviewer", "qa-reviewer"), id, "IMPLEMENT").hasErrors()).isFalse();
        long implemented = size();
        Response own = step(token("reviewer", "qa-reviewer"), id, "CHECK_EFFECTIVENESS");
        assertThat(own.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(rule(own)).isEqualTo("WF-SOD");
        assertThat(size()).isEqualTo(implemented);
    }

    private static String readmeExample(String mark) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(mark);
        assertThat(at).as("README marks %s", mark).isPositive();
        int start = readme.indexOf("```graphql", at) + "```graphql".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
