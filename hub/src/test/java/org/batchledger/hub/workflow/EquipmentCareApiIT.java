package org.batchledger.hub.workflow;

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

/**
 * Change control, cleaning and calibration over GraphQL with test tokens on the ready release fixture: the README's
 * examples run as written (a change requested, assessed, approved by someone other than its requester, implemented,
 * closed; a cleaning recorded that makes the press not clean for readiness until a second person verifies it), and
 * the refusals (missing assessment, wrong role, requester approving, self-verification), each typed and writing
 * nothing.
 */
@Tag("REQ-WORKFLOW-028")
class EquipmentCareApiIT extends HubTestBase {
    private static final JsonObject ASSESSMENT = Json.createObjectBuilder()
            .add("impactOnEquipment", "new tooling; requalify the press (OQ)").add("impactOnRecipes", "none")
            .add("impactOnSpecifications", "none").add("validationImpact", "YES").build();
    private static final String READINESS = """
            { releaseReadiness(batch: "Batch:rp:B-TAB") { checks { name status explanation } } }""";

    @BeforeEach
    void readyBatch() {
        cleanLedger();
        ReleasePlant.ready().write(NEO4J.writer());
    }

    private static String token(String user, String role) {
        return TOKENS.authenticatedAt(Instant.now(), user, role);
    }

    private long size() {
        Response r = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ ledgerCheckpoint { treeSize } }");
        return Long.parseLong(r.at("/data/ledgerCheckpoint/treeSize").toString());
    }

    private static String rule(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("rule", null);
    }

    private Response step(String token, String cc, String transition, JsonObject assessment) throws Exception {
        return graphql().post(token, readmeExample("<!-- change-control-transition-example -->"),
                Json.createObjectBuilder().add("cc", cc).add("transition", transition)
                        .add("assessment", assessment == null ? JsonValue.NULL : assessment).build());
    }

    private JsonObject equipmentReady() {
        Response r = graphql().post(token("reviewer", "qa-reviewer"), READINESS);
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data").getJsonObject("releaseReadiness").getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals("equipment-ready"))
                .findFirst().orElseThrow();
    }

    @Test
    @Tag("REQ-WORKFLOW-015")
    @Tag("REQ-WORKFLOW-020")
    void theReadmesChangeControlFlowRefusesAnApprovalBeforeTheAssessmentAndClosesTheChange() throws Exception {
        Response opened = graphql().post(token("operator", "operator"),
                readmeExample("<!-- change-control-open-example -->"));
        assertThat(opened.hasErrors()).as("%s", opened.body()).isFalse();
        assertThat(opened.at("/data/openChangeControl/status").toString()).isEqualTo("\"OPEN\"");
        String cc = opened.body().getJsonObject("data").getJsonObject("openChangeControl").getString("id");
        long before = size();

        Response unassessed = step(token("reviewer", "qa-reviewer"), cc, "ASSESS", null);
        Response early = step(token("releaser", "qa-release"), cc, "APPROVE", null);
        assertThat(unassessed.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(rule(unassessed)).isEqualTo("WF-ASSESSMENT");
        assertThat(rule(early)).isEqualTo("WF-ILLEGAL-TRANSITION");
        assertThat(size()).as("nothing written").isEqualTo(before);

        Response assessed = step(token("reviewer", "qa-reviewer"), cc, "ASSESS", ASSESSMENT);
        assertThat(assessed.hasErrors()).as("%s", assessed.body()).isFalse();
        assertThat(assessed.at("/data/transitionChangeControl/changeControl/validationImpact").toString())
                .isEqualTo("\"YES\"");
        Response operatorApproves = step(token("operator", "operator"), cc, "APPROVE", null);
        assertThat(operatorApproves.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(rule(operatorApproves)).isEqualTo("WF-ROLE");
        assertThat(step(token("releaser", "qa-release"), cc, "APPROVE", null).hasErrors()).isFalse();
        assertThat(step(token("operator", "operator"), cc, "IMPLEMENT", null).hasErrors()).isFalse();
        Response closed = step(token("releaser", "qa-release"), cc, "CLOSE", null);
        assertThat(closed.at("/data/transitionChangeControl/changeControl/status").toString()).as("%s", closed.body())
                .isEqualTo("\"CLOSED\"");
        Response verified = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ verifyLedger { ok } }");
        assertThat(verified.at("/data/verifyLedger/ok").toString()).as("%s", verified.body()).isEqualTo("true");
    }

    @Test
    @Tag("REQ-WORKFLOW-019")
    void theRequesterCannotApproveTheirOwnChange() throws Exception {
        Response opened = graphql().post(token("releaser", "qa-release"),
                readmeExample("<!-- change-control-open-example -->"));
        String cc = opened.body().getJsonObject("data").getJsonObject("openChangeControl").getString("id");
        step(token("reviewer", "qa-reviewer"), cc, "ASSESS", ASSESSMENT);
        long before = size();
        Response own = step(token("releaser", "qa-release"), cc, "APPROVE", null);
        assertThat(own.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(rule(own)).isEqualTo("WF-SOD-RECORDER");
        assertThat(size()).isEqualTo(before);
        assertThat(step(token("releaser2", "qa-release"), cc, "APPROVE", null).hasErrors()).isFalse();
    }

    @Test
    @Tag("REQ-WORKFLOW-023")
    @Tag("REQ-WORKFLOW-024")
    void theReadmesCleaningKeepsThePressNotCleanUntilASecondPersonVerifiesIt() throws Exception {
        assertThat(equipmentReady().getString("status")).isEqualTo("PASS");
        Response recorded = graphql().post(token("operator", "operator"),
                readmeExample("<!-- cleaning-record-example -->"));
        assertThat(recorded.hasErrors()).as("%s", recorded.body()).isFalse();
        assertThat(recorded.at("/data/recordCleaning/verifiedBy").toString()).isEqualTo("null");
        String cleaning = recorded.body().getJsonObject("data").getJsonObject("recordCleaning").getString("id");
        JsonObject dirty = equipmentReady();
        assertThat(dirty.getString("status")).isEqualTo("FAIL");
        assertThat(dirty.getString("explanation")).contains("is not verified by a second person");

        long before = size();
        Response self = verify(token("operator", "operator"), cleaning);
        assertThat(self.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(rule(self)).isEqualTo("WF-SOD-RECORDER");
        assertThat(size()).isEqualTo(before);

        Response verified = verify(token("reviewer", "qa-reviewer"), cleaning);
        assertThat(verified.hasErrors()).as("%s", verified.body()).isFalse();
        assertThat(verified.at("/data/verifyCleaning/toState").toString()).isEqualTo("\"VERIFIED\"");
        assertThat(equipmentReady().getString("status")).isEqualTo("PASS");
        Response again = verify(token("releaser", "qa-release"), cleaning);
        assertThat(rule(again)).isEqualTo("WF-ILLEGAL-TRANSITION");
    }

    @Test
    @Tag("REQ-WORKFLOW-027")
    void aCleaningWithItsHoldEndBeforeItAndACalibrationByAReleaserAreRefused() {
        long before = size();
        Response badHold = graphql().post(token("operator", "operator"), """
                mutation { recordCleaning(equipment: "Equipment:rp:EQ-PRESS", performedAt: "2026-11-02T06:00:00.000Z",
                           validUntil: "2026-11-01T06:00:00.000Z") { id } }""");
        Response releaser = graphql().post(token("releaser", "qa-release"), """
                mutation { recordCalibration(equipment: "Equipment:rp:EQ-PRESS", outcome: PASS,
                           performedAt: "2026-11-02T06:00:00.000Z", dueAt: "2026-12-02T06:00:00.000Z") { id } }""");
        assertThat(badHold.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(rule(badHold)).isEqualTo("WF-CARE-FIELDS");
        assertThat(releaser.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(size()).isEqualTo(before);
    }

    private Response verify(String token, String cleaning) throws Exception {
        return graphql().post(token, readmeExample("<!-- cleaning-verify-example -->"),
                Json.createObjectBuilder().add("cleaning", cleaning).build());
    }

    private static String readmeExample(String mark) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(mark);
        assertThat(at).as("README marks %s", mark).isPositive();
        int start = readme.indexOf("```graphql", at) + "```graphql".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
