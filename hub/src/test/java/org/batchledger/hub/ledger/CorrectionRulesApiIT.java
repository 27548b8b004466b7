package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GMP correction rules and signature withdrawal over GraphQL, as ledger-v2.sh asks: a release-relevant status or
 * a signature is never corrected (data null, a classified error naming record, field and rule), a role the rules do
 * not name is FORBIDDEN, and a withdrawn or superseded signature says so.
 */
@Tag("REQ-LEDGER-016")
@Tag("REQ-WORKFLOW-001")
@Tag("REQ-SIGNATURE-001")
@Tag("REQ-SIGNATURE-002")
@Tag("REQ-SIGNATURE-003")
@Tag("REQ-SIGNATURE-004")
@Tag("REQ-API-005")
class CorrectionRulesApiIT extends HubTestBase {
    private static final String OPERATOR_SUBJECT = UUID.nameUUIDFromBytes("operator".getBytes()).toString();

    @BeforeEach
    void batchUnderReviewSignedByTheOperator() {
        cleanLedger();
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        Batch done = (Batch) records.get(3);
        Batch underReview = new Batch(done.key(), done.productKey(), done.stage(), Batch.BatchStatus.UNDER_REVIEW,
                done.masterRecord(), done.startedAt(), done.endedAt(), done.provenance());
        records.set(3, underReview);
        records.add(new Deviation("t:D1", "Torque alarm", Deviation.Severity.MAJOR, Deviation.DeviationStatus.OPEN,
                List.of(new RecordRef(RecordType.BATCH, "t:B")), SmallPlant.T0, null, SmallPlant.provenance("d")));
        records.add(new Signature("t:S1", new RecordRef(RecordType.BATCH, "t:B"),
                CanonicalJson.contentHash(underReview), OPERATOR_SUBJECT, "Demo operator",
                Signature.SignatureMeaning.PERFORMED, "executed", SmallPlant.T0.plusSeconds(7300), null,
                SmallPlant.provenance("s")));
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void anOperatorSettingABatchUnderReviewToReleasedIsRefusedWithNoData() {
        Response r = correct(operator(), "Batch:t:B", "status", "RELEASED");

        assertRefused(r, "BAD_REQUEST", "Batch:t:B", "status", "CORR-STATUS");
        assertThat(graphql().post(inspector(), "{ batch(id: \"Batch:t:B\") { status } }").at("/data/batch/status")
                .toString()).isEqualTo("\"UNDER_REVIEW\"");
    }

    @Test
    void aReviewerChangingASignaturesMeaningIsRefusedWithNoData() {
        assertRefused(correct(TOKENS.forUser("reviewer", "qa-reviewer"), "Signature:t:S1", "meaning", "RELEASED"),
                "BAD_REQUEST", "Signature:t:S1", "meaning", "CORR-SIGNATURE");
    }

    @Test
    void deviationAndLotStatusReferencesAndProvenanceAreRefusedAndARoleTheRulesDoNotNameIsForbidden() {
        String releaser = TOKENS.forUser("releaser", "qa-release");
        assertRefused(correct(releaser, "Deviation:t:D1", "status", "CLOSED"), "BAD_REQUEST", "Deviation:t:D1",
                "status", "CORR-STATUS");
        assertRefused(correct(releaser, "Lot:t:LOT-OUT", "status", "RELEASED"), "BAD_REQUEST", "Lot:t:LOT-OUT",
                "status", "CORR-STATUS");
        assertRefused(correct(operator(), "Lot:t:LOT-OUT", "materialKey", "t:MAT-IN"), "BAD_REQUEST",
                "Lot:t:LOT-OUT", "materialKey", "CORR-REFERENCE");
        assertRefused(correct(operator(), "Lot:t:LOT-OUT", "recordedBy", "someone"), "BAD_REQUEST",
                "Lot:t:LOT-OUT", "recordedBy", "CORR-PROVENANCE");
        assertRefused(correct(operator(), "Material:t:MAT-OUT", "name", "Other"), "FORBIDDEN",
                "Material:t:MAT-OUT", "name", "CORR-ROLE");
        assertThat(graphql().post(inspector(), "{ ledgerCheckpoint { treeSize } }").at("/data/ledgerCheckpoint/treeSize")
                .toString()).as("nothing written").isEqualTo("9");
    }

    @Test
    void theSignerWithdrawsTheSignatureAndTheBatchAndTheAuditTrailShowIt() {
        Response w = graphql().post(operator(), """
                mutation { withdrawSignature(signature: "Signature:t:S1", reason: "signed before the last step") {
                  id reason withdrawnBy signature { key } } }""");
        Response again = graphql().post(operator(), """
                mutation { withdrawSignature(signature: "Signature:t:S1", reason: "twice") { id } }""");

        assertThat(w.hasErrors()).as("%s", w.body()).isFalse();
        assertThat(w.at("/data/withdrawSignature/withdrawnBy").toString()).contains(OPERATOR_SUBJECT);
        assertThat(again.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(again.body().toString()).contains("WDR-ONCE");
        JsonObject data = graphql().post(inspector(), """
                { batch(id: "Batch:t:B") { signatures { key onSupersededVersion
                    withdrawal { reason withdrawnBy withdrawnAt } } }
                  auditTrail(entity: "Signature:t:S1") { edges { node { action entityType reason
                    changes { field oldValue newValue } } } } }""").body().getJsonObject("data");
        JsonObject signature = data.getJsonObject("batch").getJsonArray("signatures").getJsonObject(0);
        assertThat(signature.getJsonObject("withdrawal").getString("reason")).isEqualTo("signed before the last step");
        assertThat(signature.getBoolean("onSupersededVersion")).isFalse();
        var trail = data.getJsonObject("auditTrail").getJsonArray("edges");
        assertThat(trail).hasSize(2);
        JsonObject withdrawal = trail.getJsonObject(1).getJsonObject("node");
        assertThat(withdrawal.getString("entityType")).isEqualTo("SignatureWithdrawal");
        assertThat(withdrawal.getJsonArray("changes").toString())
                .contains("{\"field\":\"reason\",\"oldValue\":null,\"newValue\":\"signed before the last step\"}");
    }

    @Test
    void anotherOperatorMayNotWithdrawIt() {
        Response r = graphql().post(TOKENS.forUser("other", "operator"), """
                mutation { withdrawSignature(signature: "Signature:t:S1", reason: "not mine") { id } }""");

        assertThat(r.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(r.body().toString()).contains("WDR-WHO");
    }

    @Test
    void correctingTheSignedBatchLeavesTheSignatureOnASupersededVersionAndTheTrailShowsOldAndNew() {
        Response c = correct(operator(), "Batch:t:B", "masterRecord", "MBR-8");

        assertThat(c.hasErrors()).as("%s", c.body()).isFalse();
        JsonObject data = graphql().post(inspector(), """
                { batch(id: "Batch:t:B") { signatures { onSupersededVersion } }
                  auditTrail(entity: "Batch:t:B") { edges { node { action actor { subject } reason at
                    changes { field oldValue newValue } } } } }""").body().getJsonObject("data");
        assertThat(data.getJsonObject("batch").getJsonArray("signatures").getJsonObject(0)
                .getBoolean("onSupersededVersion")).isTrue();
        JsonObject correction = data.getJsonObject("auditTrail").getJsonArray("edges").getJsonObject(1)
                .getJsonObject("node");
        assertThat(correction.getString("action")).isEqualTo("CORRECT");
        assertThat(correction.getString("reason")).isEqualTo("acceptance check");
        assertThat(correction.getJsonObject("actor").getString("subject")).isEqualTo(OPERATOR_SUBJECT);
        assertThat(correction.getJsonArray("changes").toString())
                .isEqualTo("[{\"field\":\"masterRecord\",\"oldValue\":\"MBR-7\",\"newValue\":\"MBR-8\"}]");
    }

    private Response correct(String token, String id, String field, String value) {
        return graphql().post(token, """
                mutation { correct(id: "%s", reason: "acceptance check", changes: [{field: "%s", value: "%s"}])
                  { seq } }""".formatted(id, field, value));
    }

    private static String operator() {
        return TOKENS.forUser("operator", "operator");
    }

    private static void assertRefused(Response r, String classification, String record, String field, String rule) {
        JsonObject body = r.body();
        assertThat(body.isNull("data") || body.getJsonObject("data").isNull("correct")).as("%s", body).isTrue();
        JsonObject extensions = body.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
        assertThat(extensions.getString("classification")).isEqualTo(classification);
        assertThat(extensions.getString("record")).isEqualTo(record);
        assertThat(extensions.getString("field")).isEqualTo(field);
        assertThat(extensions.getString("rule")).isEqualTo(rule);
    }
}
