package org.batchledger.hub.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.hub.support.RealKeycloakHub;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CAPA, change-control and cleaning mutations with real tokens from the real Keycloak server and its demo realm
 * (a short window, 5 s): a fresh login takes each step; a login older than the window gets REAUTHENTICATION_REQUIRED
 * and writes nothing; a role the workflow data does not name is refused with WF-ROLE naming the roles that may, and
 * writes nothing; fresh logins of the right roles then take the steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("REQ-WORKFLOW-041")
class WorkflowRealKeycloakIT {
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String OPEN_CAPA = """
            mutation { openCapa(title: "punches worn", action: "replace the punches",
              deviations: ["Deviation:rp:DEV-7"]) { key } }""";
    private static final String CAPA = """
            mutation($c: ID!, $t: String!) { transitionCapa(capa: $c, transition: $t, reason: "done") {
              toState capa { status } } }""";
    private static final String OPEN_CHANGE = """
            mutation { openChangeControl(title: "new punches", affects: ["Equipment:rp:EQ-PRESS"]) { key } }""";
    private static final String CHANGE = """
            mutation($c: ID!, $t: String!) { transitionChangeControl(changeControl: $c, transition: $t,
              reason: "checked", assessment: { impactOnEquipment: "requalify (OQ)", impactOnRecipes: "none",
              impactOnSpecifications: "none", validationImpact: YES }) { toState } }""";
    private static final String RECORD_CLEANING = """
            mutation($at: DateTime!, $until: DateTime!) { recordCleaning(equipment: "Equipment:rp:EQ-PRESS",
              method: "minor clean", performedAt: $at, validUntil: $until) { id } }""";
    private static final String VERIFY_CLEANING = """
            mutation($c: ID!) { verifyCleaning(cleaning: $c, reason: "parts checked") { verifiedBy toState } }""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realKeycloak(DynamicPropertyRegistry registry) {
        RealKeycloakHub.properties(registry, WINDOW);
    }

    @BeforeEach
    void blockedBatch() {
        HubTestBase.cleanLedger();
        ReleasePlant.blocked().write(Neo4jTestServer.shared().writer());
    }

    @Test
    void freshLoginsTakeTheStepsStaleLoginsAndOtherRolesAreRefusedAndWriteNothing() throws Exception {
        String capa = key(post(login("reviewer"), OPEN_CAPA, Map.of()), "openCapa");
        assertTaken(post(login("operator"), CAPA, Map.of("c", capa, "t", "IMPLEMENT")), "transitionCapa");
        String change = key(post(login("operator"), OPEN_CHANGE, Map.of()), "openChangeControl");
        assertTaken(post(login("reviewer2"), CHANGE, Map.of("c", change, "t", "ASSESS")), "transitionChangeControl");
        Instant at = Instant.now().minus(Duration.ofHours(1));
        Response recorded = post(login("operator"), RECORD_CLEANING, Map.of("at", at.toString(),
                "until", at.plus(Duration.ofHours(72)).toString()));
        assertThat(recorded.hasErrors()).as("%s", recorded.body()).isFalse();
        String cleaning = recorded.body().getJsonObject("data").getJsonObject("recordCleaning").getString("id");

        String reviewer = login("reviewer");
        String releaser = login("releaser");
        String operator2 = login("operator2");
        Thread.sleep(WINDOW.plusSeconds(2).toMillis());
        long before = head();
        assertReauthenticationRequired(post(reviewer, CAPA, Map.of("c", capa, "t", "CHECK_EFFECTIVENESS")));
        assertReauthenticationRequired(post(releaser, CHANGE, Map.of("c", change, "t", "APPROVE")));
        assertReauthenticationRequired(post(operator2, VERIFY_CLEANING, Map.of("c", cleaning)));
        assertThat(head()).as("nothing written").isEqualTo(before);

        String operator = login("operator");
        assertRoleRefused(post(operator, CAPA, Map.of("c", capa, "t", "CHECK_EFFECTIVENESS")),
                "CHECK_EFFECTIVENESS may be taken only by [qa-release, qa-reviewer]");
        assertRoleRefused(post(operator, CHANGE, Map.of("c", change, "t", "APPROVE")),
                "APPROVE may be taken only by [qa-release]");
        Response inspector = post(login("inspector"), VERIFY_CLEANING, Map.of("c", cleaning));
        assertThat(inspector.errorClass()).as("%s", inspector.body()).isEqualTo("FORBIDDEN");
        assertThat(head()).as("nothing written").isEqualTo(before);

        assertTaken(post(login("reviewer"), CAPA, Map.of("c", capa, "t", "CHECK_EFFECTIVENESS")), "transitionCapa");
        assertTaken(post(login("releaser"), CHANGE, Map.of("c", change, "t", "APPROVE")), "transitionChangeControl");
        Response verified = post(login("operator2"), VERIFY_CLEANING, Map.of("c", cleaning));
        assertThat(verified.hasErrors()).as("%s", verified.body()).isFalse();
        assertThat(verified.at("/data/verifyCleaning/toState").toString()).isEqualTo("\"VERIFIED\"");
        assertThat(head()).isGreaterThan(before);
    }

    private static String login(String user) {
        return RealKeycloakHub.passwordGrant(user).get("access_token");
    }

    private Response post(String token, String document, Map<String, String> variables) {
        return new GraphQlHttp(port).post(token, document, variables);
    }

    private static String key(Response r, String field) {
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data").getJsonObject(field).getString("key");
    }

    private static void assertTaken(Response r, String field) {
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        assertThat(r.body().getJsonObject("data").getJsonObject(field).getString("toState")).isNotBlank();
    }

    private static JsonObject extensions(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
    }

    private static void assertReauthenticationRequired(Response r) {
        assertThat(r.errorClass()).as("%s", r.body()).isEqualTo("REAUTHENTICATION_REQUIRED");
        assertThat(extensions(r).getString("window")).isEqualTo("PT5S");
        assertThat(extensions(r).isNull("authTime")).as("the token's authentication time is named").isFalse();
    }

    private static void assertRoleRefused(Response r, String ruleText) {
        assertThat(r.errorClass()).as("%s", r.body()).isEqualTo("FORBIDDEN");
        assertThat(extensions(r).getString("rule")).isEqualTo("WF-ROLE");
        assertThat(extensions(r).getString("ruleText")).isEqualTo(ruleText);
    }

    private static long head() {
        return Neo4jTestServer.shared().db().read(tx -> tx.run(
                "OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.seq, 0) AS n", Map.of())
                .single().get("n").asLong());
    }
}
