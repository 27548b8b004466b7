package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.audit.AuditChanges;
import org.batchledger.lineage.ledger.audit.AuditEntry;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.schema.json.RecordFields.Difference;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Corrections the GMP rules refuse: a typed error naming record, field and rule, and nothing written. */
@Tag("REQ-LEDGER-016")
@Tag("REQ-WORKFLOW-001")
@Tag("REQ-SIGNATURE-004")
@Tag("REQ-RECORD-007")
class CorrectionRulesIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final RecordCorrector corrector = new RecordCorrector(unitOfWork);

    @BeforeEach
    void signedBatch() {
        NEO4J.clean();
        SignedBatch.write(NEO4J.db(), new RecordWriter(unitOfWork));
    }

    @Test
    void releaseRelevantStatusFieldsAreRefusedForEveryRole() {
        for (Actor actor : List.of(SignedBatch.OPERATOR, SignedBatch.REVIEWER, SignedBatch.RELEASER)) {
            refused(actor, RecordType.BATCH, "t:B", "status", "RELEASED", "CORR-STATUS", false);
            refused(actor, RecordType.LOT, "t:LOT-OUT", "status", "RELEASED", "CORR-STATUS", false);
            refused(actor, RecordType.DEVIATION, "t:D1", "status", "CLOSED", "CORR-STATUS", false);
        }
    }

    @Test
    void aSignatureIsNeverCorrected() {
        refused(SignedBatch.REVIEWER, RecordType.SIGNATURE, "t:S1", "meaning", "RELEASED", "CORR-SIGNATURE", false);
        refused(SignedBatch.OPERATOR, RecordType.SIGNATURE, "t:S1", "printedName", "Someone Else", "CORR-SIGNATURE",
                false);
    }

    @Test
    void identityReferencesAndCaptureProvenanceAreRefused() {
        refused(SignedBatch.REVIEWER, RecordType.LOT, "t:LOT-OUT", "materialKey", "t:MAT-IN", "CORR-REFERENCE", false);
        refused(SignedBatch.REVIEWER, RecordType.BATCH, "t:B", "productKey", "t:MAT-IN", "CORR-REFERENCE", false);
        refused(SignedBatch.REVIEWER, RecordType.LOT, "t:LOT-OUT", "recordedBy", "someone", "CORR-PROVENANCE", false);
        refused(SignedBatch.REVIEWER, RecordType.LOT, "t:LOT-OUT", "source", "mes:other", "CORR-PROVENANCE", false);
        refused(SignedBatch.REVIEWER, RecordType.LOT, "t:LOT-OUT", "key", "t:OTHER", "CORR-IDENTITY", false);
        refused(SignedBatch.REVIEWER, RecordType.LOT, "t:LOT-OUT", "version", "7", "CORR-IDENTITY", false);
    }

    @Test
    void aRoleTheRulesDoNotNameIsForbidden() {
        refused(SignedBatch.OPERATOR, RecordType.TEST_RESULT, "t:TR1", "outcome", "OOS", "CORR-ROLE", true);
        refused(SignedBatch.ADMIN, RecordType.LOT, "t:LOT-OUT", "quantity", "1", "CORR-ROLE", true);
        refused(SignedBatch.RELEASER, RecordType.BATCH, "t:B", "stage", "MILLING", "CORR-ROLE", true);
    }

    @Test
    void anAllowedCorrectionGivenAsTextIsTypedByTheRecordAndShowsOldAndNewInTheTrail() {
        CorrectionReceipt r = corrector.correct(new CorrectionRequest(RecordType.TEST_RESULT, "t:TR1",
                Map.of("outcome", "OOS", "value", "2.4"), SignedBatch.REVIEWER, "transcription error", key()));

        List<AuditEntry> trail = new LedgerReads(NEO4J.db()).auditTrail(RecordType.TEST_RESULT, "t:TR1",
                new PageRequest(10, null)).items();
        Map<AuditEntry, List<Difference>> changes = new AuditChanges(NEO4J.db()).of(trail);
        assertThat(r.version()).isEqualTo(2);
        assertThat(changes.get(trail.get(1))).containsExactly(
                new Difference("value", "1.2", "2.4"), new Difference("outcome", "PASS", "OOS"));
        assertThat(changes.get(trail.get(0))).contains(new Difference("test", null, "LOD"));
    }

    @Test
    void aValueNotOfTheFieldsTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> corrector.correct(new CorrectionRequest(RecordType.LOT, "t:LOT-OUT",
                Map.of("expiresAt", "next tuesday"), SignedBatch.REVIEWER, "why", key())))
                .isInstanceOf(InvalidRecordsException.class).hasMessageContaining("field expiresAt")
                .hasMessageContaining("Instant");
    }

    private void refused(Actor actor, RecordType type, String key, String field, Object value, String rule,
                         boolean forbidden) {
        List<Long> before = SignedBatch.snapshot(NEO4J.db());
        assertThatThrownBy(() -> corrector.correct(new CorrectionRequest(type, key, Map.of(field, value), actor,
                "acceptance check", key())))
                .as("%s correcting %s:%s %s", actor.roles(), type, key, field)
                .isInstanceOfSatisfying(CorrectionRefusedException.class, e -> {
                    assertThat(e.record()).isEqualTo(type.graphName() + ":" + key);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule().id()).isEqualTo(rule);
                    assertThat(e.forbidden()).isEqualTo(forbidden);
                });
        assertThat(SignedBatch.snapshot(NEO4J.db())).as("nothing written").isEqualTo(before);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
