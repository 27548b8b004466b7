package org.batchledger.hub.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The deviation workflow over GraphQL: a signed transition, and an illegal one naming state and rule. */
@Tag("REQ-WORKFLOW-002")
class DeviationWorkflowApiIT extends HubTestBase {
    private static final String TAKE = """
            mutation($d: ID!, $t: String!, $root: String, $capa: String, $cls: DeviationClassification) {
              transitionDeviation(deviation: $d, transition: $t, reason: "per SOP QA-014", rootCause: $root,
                                  capaReference: $capa, classification: $cls) {
                deviation { id status closedAt classification impactAssessment }
                transition fromState toState rootCause capaReference seq
              }
            }""";

    @BeforeEach
    void openMajorDeviation() {
        cleanLedger();
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        records.add(new Deviation("t:D1", "Torque alarm", Deviation.Severity.MAJOR, Deviation.DeviationStatus.OPEN,
                List.of(new RecordRef(RecordType.BATCH, "t:B")), SmallPlant.T0, null, SmallPlant.provenance("d")));
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void aReviewerStartsTheInvestigationAndTheReleaserClosesItWithRootCauseAndCapa() {
        Response started = take(TOKENS.authenticatedAt(Instant.now(), "reviewer", "qa-reviewer"),
                "START_INVESTIGATION", null, null);
        assertThat(started.hasErrors()).as("%s", started.body()).isFalse();
        assertThat(started.at("/data/transitionDeviation/deviation/status").toString())
                .isEqualTo("\"UNDER_INVESTIGATION\"");
        assertThat(started.at("/data/transitionDeviation/deviation/classification").toString())
                .isEqualTo("\"EQUIPMENT\"");
        assertThat(started.at("/data/transitionDeviation/deviation/impactAssessment").toString()).isEqualTo("[]");

        Response closed = take(TOKENS.authenticatedAt(Instant.now(), "releaser", "qa-release"), "CLOSE",
                "worn torque sensor", "CAPA-2026-017");
        assertThat(closed.hasErrors()).as("%s", closed.body()).isFalse();
        JsonObject t = closed.body().getJsonObject("data").getJsonObject("transitionDeviation");
        assertThat(t.getJsonObject("deviation").getString("status")).isEqualTo("CLOSED");
        assertThat(t.getJsonObject("deviation").isNull("closedAt")).isFalse();
        assertThat(t.getString("fromState")).isEqualTo("UNDER_INVESTIGATION");
        assertThat(t.getString("capaReference")).isEqualTo("CAPA-2026-017");
    }

    @Test
    void closingAnOpenDeviationIsABadRequestNamingItsStateAndTheRule() {
        Response r = take(TOKENS.authenticatedAt(Instant.now(), "releaser", "qa-release"), "CLOSE", "x", "CAPA-1");

        assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
        JsonObject ext = r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
        assertThat(ext.getString("rule")).isEqualTo("WF-ILLEGAL-TRANSITION");
        assertThat(ext.getString("state")).isEqualTo("OPEN");
        assertThat(ext.getString("record")).isEqualTo("Deviation:t:D1");
        assertThat(ext.getJsonArray("allowed").getString(0)).isEqualTo("START_INVESTIGATION");
        assertThat(take(TOKENS.authenticatedAt(Instant.now(), "operator", "operator"), "START_INVESTIGATION", null,
                null).errorClass()).isEqualTo("FORBIDDEN");
    }

    private Response take(String token, String transition, String rootCause, String capa) {
        var vars = Json.createObjectBuilder().add("d", "Deviation:t:D1").add("t", transition);
        if (rootCause != null) {
            vars.add("root", rootCause);
        }
        if (capa != null) {
            vars.add("capa", capa);
        }
        if (transition.equals("START_INVESTIGATION")) {
            vars.add("cls", "EQUIPMENT");
        }
        return graphql().post(token, TAKE, vars.build());
    }
}
