package org.batchledger.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.StepRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * sign over GraphQL with tokens of the realm's shape: what a signature shows, and each refusal as a classified error
 * naming record and rule, with nothing written (the ledger's size is unchanged).
 */
@Tag("REQ-SIGNATURE-005")
@Tag("REQ-SIGNATURE-006")
@Tag("REQ-SIGNATURE-007")
class SignApiIT extends HubTestBase {
    private static final String SIGN = """
            mutation($record: ID!, $meaning: SignatureMeaning!, $reason: String) {
              sign(record: $record, meaning: $meaning, reason: $reason) {
                id printedName meaning reason signedAt signedContentHash onSupersededVersion
                signs { id } withdrawal { id }
              }
            }""";

    private long written;

    @BeforeEach
    void batchWithAStep() {
        cleanLedger();
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        records.add(new StepRecord("t:SR1", "t:B", "granulate", "impeller speed", "120", "rpm", 100.0, 150.0,
                SmallPlant.T0.plusSeconds(900), "Olivia Operator", SmallPlant.provenance("sr")));
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch record"));
        written = 8;
    }

    @Test
    void anOperatorWhoJustLoggedInSignsAStepAsPerformed() {
        Response r = sign(TOKENS.authenticatedAt(Instant.now(), "operator", "operator"), "StepRecord:t:SR1",
                "PERFORMED", "step executed as instructed");

        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        JsonObject s = r.body().getJsonObject("data").getJsonObject("sign");
        assertThat(s.getString("printedName")).isEqualTo("Demo operator");
        assertThat(s.getString("meaning")).isEqualTo("PERFORMED");
        assertThat(s.getString("reason")).isEqualTo("step executed as instructed");
        assertThat(Instant.parse(s.getString("signedAt"))).isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(s.getJsonObject("signs").getString("id")).isEqualTo("StepRecord:t:SR1");
        assertThat(s.getBoolean("onSupersededVersion")).isFalse();
        assertThat(s.isNull("withdrawal")).isTrue();
        assertThat(treeSize()).isEqualTo(9);
    }

    @Test
    void aTokenOlderThanTheWindowOrWithoutAuthTimeNeedsReauthenticationAndWritesNothing() {
        Instant old = Instant.now().minusSeconds(301);
        Response r = sign(TOKENS.authenticatedAt(old, "operator", "operator"), "StepRecord:t:SR1", "PERFORMED", null);

        assertRefused(r, "REAUTHENTICATION_REQUIRED", "SIG-REAUTH");
        JsonObject ext = extensions(r);
        assertThat(ext.getString("window")).isEqualTo("PT5M");
        assertThat(ext.getJsonNumber("windowSeconds").longValue()).isEqualTo(300);
        assertThat(Instant.parse(ext.getString("authTime")).getEpochSecond()).isEqualTo(old.getEpochSecond());
        Response none = sign(TOKENS.withoutAuthTime("operator", "operator"), "StepRecord:t:SR1", "PERFORMED", null);
        assertRefused(none, "REAUTHENTICATION_REQUIRED", "SIG-REAUTH");
        assertThat(extensions(none).isNull("authTime")).isTrue();
    }

    @Test
    void aMeaningTheRoleMayNotUseIsForbiddenAndAnUnknownRecordABadRequest() {
        String operator = TOKENS.authenticatedAt(Instant.now(), "operator", "operator");
        assertRefused(sign(operator, "Batch:t:B", "REVIEWED", null), "FORBIDDEN", "SIG-MEANING-ROLE");
        assertRefused(sign(operator, "StepRecord:t:none", "PERFORMED", null), "BAD_REQUEST", "SIG-RECORD");
        assertRefused(sign(TOKENS.authenticatedAt(Instant.now(), "releaser", "qa-release"), "Batch:t:B", "RELEASED",
                "ready"), "BAD_REQUEST", "SIG-MEANING-COMMAND");
    }

    @Test
    void aReviewerWhoCorrectedAStepMayNotReviewItNamingTheRule() {
        String reviewer = TOKENS.authenticatedAt(Instant.now(), "reviewer", "qa-reviewer");
        Response corrected = graphql().post(reviewer, """
                mutation { correct(id: "StepRecord:t:SR1", reason: "limit per MBR rev 3",
                  changes: [{field: "lowerLimit", value: "90"}]) { version } }""");
        assertThat(corrected.hasErrors()).as("%s", corrected.body()).isFalse();
        written = 9;

        assertRefused(sign(reviewer, "StepRecord:t:SR1", "REVIEWED", null), "FORBIDDEN", "SIG-SOD-REVIEW-OWN");
        Response other = sign(TOKENS.authenticatedAt(Instant.now(), "reviewer2", "qa-reviewer"), "StepRecord:t:SR1",
                "REVIEWED", null);
        assertThat(other.hasErrors()).as("%s", other.body()).isFalse();
    }

    private Response sign(String token, String record, String meaning, String reason) {
        var vars = jakarta.json.Json.createObjectBuilder().add("record", record).add("meaning", meaning);
        if (reason != null) {
            vars.add("reason", reason);
        }
        return graphql().post(token, SIGN, vars.build());
    }

    /** Refused, and the ledger still holds only the plant (8 entries) and what the test wrote on purpose. */
    private void assertRefused(Response r, String classification, String rule) {
        assertThat(r.hasErrors()).as("%s", r.body()).isTrue();
        assertThat(r.body().isNull("data") || r.body().getJsonObject("data") == null
                || r.body().getJsonObject("data").isNull("sign")).isTrue();
        assertThat(r.errorClass()).isEqualTo(classification);
        assertThat(extensions(r).getString("rule")).isEqualTo(rule);
        assertThat(extensions(r).getString("record")).isNotBlank();
        assertThat(treeSize()).isEqualTo(written);
    }

    private static JsonObject extensions(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
    }

    private long treeSize() {
        return NEO4J.db().read(tx -> tx.run("MATCH (h:LedgerHead {id: 'main'}) RETURN h.seq AS s", java.util.Map.of())
                .single().get("s").asLong());
    }
}
