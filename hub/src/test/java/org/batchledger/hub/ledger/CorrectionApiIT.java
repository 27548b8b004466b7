package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** correct(...) over GraphQL: a new version by the caller, the old one readable asOf, the audit trail old → new. */
@Tag("REQ-LEDGER-015")
@Tag("REQ-LEDGER-019")
@Tag("REQ-SECURITY-001")
@ExtendWith(OutputCaptureExtension.class)
class CorrectionApiIT extends HubTestBase {
    private static final String CORRECT = """
            mutation { correct(id: "Lot:t:LOT-OUT", reason: "weighing transcription error",
                changes: [{field: "quantity", value: "117.5"}]) {
              version seq supersedesHash record { ... on Lot { key quantity } } } }""";

    @BeforeEach
    void oneStep() {
        cleanLedger();
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void operatorCorrectsALotAndGetsTheNewVersionAndABookmark() {
        Response r = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT);

        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        JsonObject c = r.body().getJsonObject("data").getJsonObject("correct");
        assertThat(c.getInt("version")).isEqualTo(2);
        assertThat(c.getJsonObject("record").getJsonNumber("quantity").doubleValue()).isEqualTo(117.5);
        assertThat(r.body().getJsonObject("extensions").getJsonArray("bookmarks")).isNotEmpty();
    }

    @Test
    void oldVersionIsReadableAsOfTheEarlierTreeSizeAndTheTrailShowsWhoAndWhy() {
        graphql().post(TOKENS.forUser("operator", "operator"), CORRECT);

        JsonObject data = graphql().post(inspector(), """
                { before: lot(id: "Lot:t:LOT-OUT", asOf: 7) { quantity }
                  now: lot(id: "Lot:t:LOT-OUT") { quantity }
                  auditTrail(entity: "Lot:t:LOT-OUT") { edges { node { action reason supersedesHash contentHash
                    actor { subject roles } } } } }""").body().getJsonObject("data");

        assertThat(data.getJsonObject("before").getJsonNumber("quantity").doubleValue()).isEqualTo(250.0);
        assertThat(data.getJsonObject("now").getJsonNumber("quantity").doubleValue()).isEqualTo(117.5);
        var edges = data.getJsonObject("auditTrail").getJsonArray("edges");
        JsonObject correction = edges.getJsonObject(1).getJsonObject("node");
        assertThat(correction.getString("action")).isEqualTo("CORRECT");
        assertThat(correction.getString("reason")).isEqualTo("weighing transcription error");
        assertThat(correction.getString("supersedesHash"))
                .isEqualTo(edges.getJsonObject(0).getJsonObject("node").getString("contentHash"));
        assertThat(correction.getJsonObject("actor").getJsonArray("roles").toString()).contains("operator");
    }

    @Test
    void aBlankReasonOrAnAsOfBeyondTheLedgerIsABadRequest() {
        Response blank = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT.replace(
                "weighing transcription error", " "));
        Response beyond = graphql().post(inspector(), "{ batch(id: \"Batch:t:B\", asOf: 99) { key } }");

        assertThat(blank.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(beyond.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(beyond.body().toString()).contains("'asOf'");
    }

    @Test
    @Tag("REQ-RELIABILITY-008")
    void aReasonOrValueAboveItsLengthLimitIsRefusedAndNothingIsWritten() {
        long before = treeSize();
        Response longReason = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT.replace(
                "weighing transcription error", "r".repeat(2_001)));
        Response longValue = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT.replace(
                "value: \"117.5\"", "value: \"" + "1".repeat(10_001) + "\"").replace("quantity\"", "supplier\""));

        assertThat(longReason.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(longReason.body().toString()).contains("longer than the limit 2000");
        assertThat(longValue.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(longValue.body().toString()).contains("longer than the limit 10000");
        assertThat(treeSize()).isEqualTo(before);
    }

    @Test
    @Tag("REQ-SECURITY-010")
    void aFieldNameWithLineBreaksCannotForgeALogLine(CapturedOutput log) {
        Response r = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT.replace(
                "field: \"quantity\"", "field: \"quantity\\r\\n2026-01-01 INFO FORGED admin approved batch\""));

        assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(log.getOut()).contains("quantity\\r\\n2026-01-01 INFO FORGED")
                .doesNotContain("\n2026-01-01 INFO FORGED");
    }

    @Test
    @Tag("REQ-SECURITY-010")
    void tokensAreNeverLogged(CapturedOutput log) {
        String valid = TOKENS.forUser("operator", "operator");
        String refused = TOKENS.expired("operator", "operator");
        graphql().post(valid, CORRECT);
        graphql().post(refused, CORRECT);
        graphql().post(valid, CORRECT.replace("weighing transcription error", " "));

        for (String token : new String[] {valid, refused}) {
            String[] parts = token.split("\\.");
            assertThat(log.getAll()).doesNotContain(parts[1]).doesNotContain(parts[2]);
        }
    }

    private long treeSize() {
        return graphql().post(inspector(), "{ ledgerCheckpoint { treeSize } }").body().getJsonObject("data")
                .getJsonObject("ledgerCheckpoint").getJsonNumber("treeSize").longValue();
    }

    @Test
    void inspectorMayNotCorrect() {
        assertThat(graphql().post(inspector(), CORRECT).errorClass()).isEqualTo("FORBIDDEN");
    }
}
