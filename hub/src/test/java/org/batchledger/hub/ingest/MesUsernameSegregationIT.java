package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Segregation of duties on ingested records, which name people by MES username: a hub user whose Keycloak username
 * is that MES username (ignoring case), or to whom {@code batchledger.identity.mes-usernames} maps it, may neither
 * review nor verify the record (typed FORBIDDEN naming the rule, nothing written); a second person may. The records
 * arrive through {@code /api/ingest} as an MES's export would.
 */
@Tag("REQ-SIGNATURE-040")
@Tag("REQ-SIGNATURE-041")
@TestPropertySource(properties = "batchledger.identity.mes-usernames.AKowalski=operator2")
class MesUsernameSegregationIT extends IngestTestBase {
    /** Step records and cleanings as an MES records them: performedBy is the MES username. */
    private static final String MES_EXPORT = """
            {"format": "batchledger-records/1", "records": [
              {"type": "Equipment", "key": "EQ-PRS-4", "name": "Tablet press 4", "equipmentClass": "PRESS",
               "location": "Suite 2"},
              {"type": "Batch", "key": "B-77", "productKey": "TAB-200", "stage": "compression", "status": "COMPLETED",
               "startedAt": "2026-06-01T06:00:00Z", "endedAt": "2026-06-01T10:00:00Z"},
              {"type": "StepRecord", "key": "SR-1", "batchKey": "B-77", "step": "compress", "parameter": "hardness",
               "value": "112", "unit": "N", "executedAt": "2026-06-01T07:00:00Z", "performedBy": "RSingh"},
              {"type": "StepRecord", "key": "SR-2", "batchKey": "B-77", "step": "compress", "parameter": "weight",
               "value": "250", "unit": "mg", "executedAt": "2026-06-01T07:10:00Z", "performedBy": "rsingh, akowalski"},
              {"type": "Cleaning", "key": "CL-1", "equipmentKey": "EQ-PRS-4", "method": "minor",
               "performedAt": "2026-06-01T05:00:00Z", "validUntil": "2026-06-04T05:00:00Z", "performedBy": "rsingh"},
              {"type": "Cleaning", "key": "CL-2", "equipmentKey": "EQ-PRS-4", "method": "minor",
               "performedAt": "2026-06-01T05:30:00Z", "validUntil": "2026-06-04T05:30:00Z",
               "performedBy": "akowalski"}
            ]}""";
    private static final String SIGN = """
            mutation($r: ID!, $m: SignatureMeaning!) { sign(record: $r, meaning: $m, reason: "checked") { meaning } }""";
    private static final String VERIFY = """
            mutation($c: ID!) { verifyCleaning(cleaning: $c, reason: "area and parts checked") { verifiedBy } }""";

    @BeforeEach
    void mesExport() throws Exception {
        IngestClient.Answer a = post("mes-export.json", MES_EXPORT, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private static String token(String user, String role) {
        return TOKENS.authenticatedAt(Instant.now(), user, role);
    }

    private static String rule(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("rule", null);
    }

    private void assertRefusedAndNothingWritten(Response r, String rule, long before) {
        assertThat(r.errorClass()).as("%s", r.body()).isEqualTo("FORBIDDEN");
        assertThat(rule(r)).isEqualTo(rule);
        assertThat(head()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aKeycloakUserWhoseUsernameIsTheMesUsernameNeitherReviewsNorVerifiesTheirOwnRecord() {
        long before = head();
        Response review = graphql().post(token("rsingh", "qa-reviewer"), SIGN,
                Map.of("r", "StepRecord:site:SR-1", "m", "REVIEWED"));
        assertRefusedAndNothingWritten(review, "SIG-SOD-REVIEW-OWN", before);
        Response verifyStep = graphql().post(token("rsingh", "operator"), SIGN,
                Map.of("r", "StepRecord:site:SR-2", "m", "VERIFIED"));
        assertRefusedAndNothingWritten(verifyStep, "SIG-SOD-REVIEW-OWN", before);
        Response verifyCleaning = graphql().post(token("RSINGH", "operator"), VERIFY, Map.of("c", "Cleaning:site:CL-1"));
        assertRefusedAndNothingWritten(verifyCleaning, "WF-SOD-RECORDER", before);

        Response second = graphql().post(token("operator", "operator"), VERIFY, Map.of("c", "Cleaning:site:CL-1"));
        assertThat(second.hasErrors()).as("%s", second.body()).isFalse();
        Response reviewed = graphql().post(token("reviewer", "qa-reviewer"), SIGN,
                Map.of("r", "StepRecord:site:SR-1", "m", "REVIEWED"));
        assertThat(reviewed.hasErrors()).as("%s", reviewed.body()).isFalse();
    }

    @Test
    void aKeycloakUserTheTableMapsAnMesUsernameToIsThatPersonToo() {
        long before = head();
        Response verifyCleaning = graphql().post(token("operator2", "operator"), VERIFY,
                Map.of("c", "Cleaning:site:CL-2"));
        assertRefusedAndNothingWritten(verifyCleaning, "WF-SOD-RECORDER", before);
        Response verifyStep = graphql().post(token("operator2", "operator"), SIGN,
                Map.of("r", "StepRecord:site:SR-2", "m", "VERIFIED"));
        assertRefusedAndNothingWritten(verifyStep, "SIG-SOD-REVIEW-OWN", before);

        Response unmapped = graphql().post(token("akowalski2", "operator"), VERIFY, Map.of("c", "Cleaning:site:CL-2"));
        assertThat(unmapped.hasErrors()).as("%s", unmapped.body()).isFalse();
        assertThat(unmapped.at("/data/verifyCleaning/verifiedBy").toString()).isNotEqualTo("null");
    }
}
