package org.batchledger.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.hub.support.KeycloakBrowser;
import org.batchledger.hub.support.KeycloakServer;
import org.batchledger.hub.support.RealKeycloakHub;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.StepRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 21 CFR 11.200 against the real Keycloak server with the versioned demo realm, with a short window (5 s) so "older
 * than the window" is a short wait: a fresh login signs, a login older than the window does not (neither does a
 * refreshed token: refreshing is not authenticating), and a new login signs again. Both real ways to log in: the
 * password grant of {@code hub-cli} and the browser flow of {@code ui-client} (with SSO, and {@code max_age=0}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("REQ-SIGNATURE-006")
@Tag("REQ-SIGNATURE-024")
class ReauthenticationRealKeycloakIT {
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration OLDER = WINDOW.plusSeconds(2);
    private static final String SIGN = """
            mutation($record: ID!, $meaning: SignatureMeaning!) {
              sign(record: $record, meaning: $meaning) { printedName meaning }
            }""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realKeycloak(DynamicPropertyRegistry registry) {
        RealKeycloakHub.properties(registry, WINDOW);
    }

    @BeforeEach
    void twoStepsToSign() {
        HubTestBase.cleanLedger();
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        for (String key : List.of("t:SR1", "t:SR2", "t:SR3")) {
            records.add(new StepRecord(key, "t:B", "granulate", "impeller speed " + key, "120", "rpm", 100.0, 150.0,
                    SmallPlant.T0.plusSeconds(900), "Olivia Operator", SmallPlant.provenance(key)));
        }
        Neo4jTestServer.shared().writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void aFreshPasswordGrantSignsOneOlderThanTheWindowOrRefreshedDoesNotAndANewLoginSignsAgain() throws Exception {
        Map<String, String> login = RealKeycloakHub.passwordGrant("operator");
        assertSigned(sign(login.get("access_token"), "StepRecord:t:SR1"));

        Thread.sleep(OLDER.toMillis());
        Response stale = sign(login.get("access_token"), "StepRecord:t:SR2");
        assertReauthenticationRequired(stale);
        String refreshed = RealKeycloakHub.refresh(login.get("refresh_token"));
        assertReauthenticationRequired(sign(refreshed, "StepRecord:t:SR2"));

        assertSigned(sign(RealKeycloakHub.passwordGrant("operator").get("access_token"), "StepRecord:t:SR2"));
    }

    @Test
    void aBrowserLoginSignsSingleSignOnLaterDoesNotAndMaxAgeZeroMakesThePersonLogInAgain() throws Exception {
        KeycloakBrowser browser = new KeycloakBrowser(KeycloakServer.shared());
        assertSigned(sign(browser.accessToken("operator2", "demo", Map.of()), "StepRecord:t:SR1"));

        Thread.sleep(OLDER.toMillis());
        assertReauthenticationRequired(sign(browser.accessToken("operator2", "demo", Map.of()), "StepRecord:t:SR2"));
        assertSigned(sign(browser.accessToken("operator2", "demo", Map.of("max_age", "0")), "StepRecord:t:SR2"));
    }

    private Response sign(String token, String record) {
        return new GraphQlHttp(port).post(token, SIGN, Json.createObjectBuilder().add("record", record)
                .add("meaning", "PERFORMED").build());
    }

    private static void assertSigned(Response r) {
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        assertThat(r.at("/data/sign/meaning").toString()).isEqualTo("\"PERFORMED\"");
    }

    private static void assertReauthenticationRequired(Response r) {
        assertThat(r.hasErrors()).as("%s", r.body()).isTrue();
        assertThat(r.errorClass()).isEqualTo("REAUTHENTICATION_REQUIRED");
        JsonObject ext = r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
        assertThat(ext.getString("window")).isEqualTo("PT5S");
        assertThat(ext.isNull("authTime")).as("the token's authentication time is named").isFalse();
    }
}
