package org.batchledger.hub.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The read-only {@code changeControls} list and {@code changeControl} page over GraphQL with test tokens: a status
 * filter, keyset paging, one by ID and by key with its assessment once assessed, an unknown one, an over-long ID, and
 * the roles of the other record reads (an adapter is refused); a bad filter value is a typed error.
 */
@Tag("REQ-WORKFLOW-040")
class ChangeControlQueryApiIT extends HubTestBase {
    private static final String OPEN = """
            mutation($t: String!) { openChangeControl(title: $t, affects: ["Equipment:rp:EQ-PRESS"]) { id key } }""";
    private static final String ASSESS = """
            mutation($c: ID!) { transitionChangeControl(changeControl: $c, transition: "ASSESS", reason: "assessed",
              assessment: { impactOnEquipment: "requalify (OQ)", impactOnRecipes: "none",
                            impactOnSpecifications: "none", validationImpact: YES }) { toState } }""";
    private static final String LIST = """
            query($status: ChangeControlStatus, $after: String) {
              changeControls(first: 1, after: $after, filter: { status: $status }) {
                edges { cursor node { key status } } pageInfo { hasNextPage endCursor } } }""";
    private static final String ONE = """
            query($id: ID!) { changeControl(id: $id) { id key title status affects requestedBy openedAt closedAt
              impactOnEquipment impactOnRecipes impactOnSpecifications validationImpact } }""";

    @BeforeEach
    void readyBatch() {
        cleanLedger();
        ReleasePlant.ready().write(NEO4J.writer());
    }

    private String open(String title) {
        Response r = graphql().post(TOKENS.authenticatedAt(Instant.now(), "operator", "operator"), OPEN,
                Map.of("t", title));
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.at("/data/openChangeControl/key").toString().replace("\"", "");
    }

    @Test
    void changeControlsAreListedByStatusInKeysetPagesAndOneIsReadWithItsAssessment() {
        String first = open("new punches");
        String second = open("longer clean hold");
        Response assessed = graphql().post(TOKENS.authenticatedAt(Instant.now(), "reviewer", "qa-reviewer"), ASSESS,
                Map.of("c", "ChangeControl:" + second));
        assertThat(assessed.hasErrors()).as("%s", assessed.body()).isFalse();
        String inspector = TOKENS.forUser("inspector", "inspector");

        Response open = graphql().post(TOKENS.forUser("operator", "operator"), LIST, Map.of("status", "OPEN"));
        Response all = graphql().post(inspector, LIST, Map.of());
        String cursor = all.at("/data/changeControls/pageInfo/endCursor").toString().replace("\"", "");
        Response next = graphql().post(inspector, LIST, Map.of("after", cursor));

        assertThat(open.hasErrors()).as("%s", open.body()).isFalse();
        assertThat(open.at("/data/changeControls/edges/0/node/key").toString()).isEqualTo("\"" + first + "\"");
        assertThat(open.at("/data/changeControls/pageInfo/hasNextPage").toString()).isEqualTo("false");
        assertThat(all.at("/data/changeControls/pageInfo/hasNextPage").toString()).isEqualTo("true");
        assertThat(next.at("/data/changeControls/pageInfo/hasNextPage").toString()).isEqualTo("false");
        assertThat(List.of(all.at("/data/changeControls/edges/0/node/key").toString(),
                next.at("/data/changeControls/edges/0/node/key").toString()))
                .containsExactlyInAnyOrder("\"" + first + "\"", "\"" + second + "\"");

        Response byId = graphql().post(inspector, ONE, Map.of("id", "ChangeControl:" + second));
        Response byKey = graphql().post(inspector, ONE, Map.of("id", second));
        assertThat(byId.hasErrors()).as("%s", byId.body()).isFalse();
        assertThat(byId.at("/data/changeControl/status").toString()).isEqualTo("\"ASSESSED\"");
        assertThat(byId.at("/data/changeControl/title").toString()).isEqualTo("\"longer clean hold\"");
        assertThat(byId.at("/data/changeControl/affects/0").toString()).isEqualTo("\"Equipment:rp:EQ-PRESS\"");
        assertThat(byId.at("/data/changeControl/validationImpact").toString()).isEqualTo("\"YES\"");
        assertThat(byId.at("/data/changeControl/impactOnEquipment").toString()).isEqualTo("\"requalify (OQ)\"");
        assertThat(byKey.body()).isEqualTo(byId.body());
        Response unassessed = graphql().post(inspector, ONE, Map.of("id", first));
        assertThat(unassessed.at("/data/changeControl/validationImpact").toString()).isEqualTo("null");
    }

    @Test
    void anUnknownOrOverlongChangeControlIsATypedErrorAndARoleWithoutRecordReadsIsForbidden() {
        open("new punches");
        String operator = TOKENS.forUser("operator", "operator");
        Response unknown = graphql().post(operator, ONE, Map.of("id", "ChangeControl:hub:cc:none"));
        Response overlong = graphql().post(operator, ONE, Map.of("id", "x".repeat(600)));
        Response badStatus = graphql().post(operator, LIST, Map.of("status", "DONE"));
        Response adapter = graphql().post(TOKENS.forUser("adapter", "adapter"), LIST, Map.of());

        assertThat(unknown.errorClass()).isEqualTo("NOT_FOUND");
        assertThat(unknown.at("/data/changeControl").toString()).isEqualTo("null");
        assertThat(overlong.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(badStatus.hasErrors()).isTrue();
        assertThat(badStatus.body().toString()).contains("DONE");
        assertThat(adapter.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(adapter.body().isNull("data") || adapter.at("/data/changeControls").toString().equals("null"))
                .isTrue();
    }
}
