package org.batchledger.lineage.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.CorrectionRefusedException;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deviation workflow through the unit of work: each transition signed and ledgered (the deviation's new
 * version, a signature on it, the transition record; verification replays them), and every refusal naming state and
 * rule with nothing written. Deviations: t:D1 MAJOR and t:D2 MINOR, both OPEN, on batch t:B (entries 1..9).
 */
@Tag("REQ-WORKFLOW-002")
class DeviationWorkflowIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor REVIEWER = new Actor("sub-qa", "Rita Reviewer", List.of("qa-reviewer"), "ui-client");
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private static final Actor OPERATOR = new Actor("sub-op", "Olivia Operator", List.of("operator"), "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final DeviationWorkflows workflows = new DeviationWorkflows(unitOfWork, DeviationWorkflow.defaults(),
            Duration.ofMinutes(5), Clock.systemUTC());
    @TempDir
    Path keys;

    @BeforeEach
    void twoOpenDeviations() {
        NEO4J.clean();
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        records.add(deviation("t:D1", Deviation.Severity.MAJOR));
        records.add(deviation("t:D2", Deviation.Severity.MINOR));
        new RecordWriter(unitOfWork).write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void investigatingThenClosingIsSignedLedgeredAndVerifies() {
        var started = take(REVIEWER, "t:D1", "START_INVESTIGATION", null, null);
        var closed = take(RELEASER, "t:D1", "CLOSE", "worn torque sensor", "CAPA-2026-017");

        assertThat(started.deviation().status()).isEqualTo(DeviationStatus.UNDER_INVESTIGATION);
        assertThat(started.transition().fromState()).isEqualTo("OPEN");
        assertThat(started.seq()).isEqualTo(12);
        assertThat(closed.deviation().status()).isEqualTo(DeviationStatus.CLOSED);
        assertThat(closed.deviation().closedAt()).isNotNull();
        assertThat(closed.transition().rootCause()).isEqualTo("worn torque sensor");
        assertThat(closed.transition().capaReference()).isEqualTo("CAPA-2026-017");
        Map<String, Object> current = current("t:D1");
        assertThat(current).containsEntry("status", "CLOSED").containsEntry("version", 3L);
        Signature signature = signature(closed.transition().signatureKey());
        assertThat(signature.meaning()).isEqualTo(Signature.SignatureMeaning.APPROVED);
        assertThat(signature.signedContentHash()).isEqualTo(current.get("contentHash"));
        assertThat(signature.printedName()).isEqualTo("Rosa Releaser");
        var report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    @Test
    void anIllegalTransitionNamesTheStateAndTheTransitionsAllowedFromIt() {
        TransitionRefusedException e = refused(() -> take(RELEASER, "t:D1", "CLOSE", "x", "CAPA-1"),
                "WF-ILLEGAL-TRANSITION");
        assertThat(e.details()).containsEntry("state", "OPEN")
                .containsEntry("allowed", List.of("START_INVESTIGATION"));
        assertThat(e.rule().text()).contains("OPEN");
        refused(() -> take(RELEASER, "t:D1", "REOPEN", null, null), "WF-TRANSITION");
        refused(() -> take(RELEASER, "t:none", "START_INVESTIGATION", null, null), "WF-RECORD");
    }

    @Test
    void whoMayTakeATransitionIsData() {
        TransitionRefusedException e = refused(() -> take(OPERATOR, "t:D1", "START_INVESTIGATION", null, null),
                "WF-ROLE");
        assertThat(e.rule().kind()).isEqualTo(RefusalRule.Kind.FORBIDDEN);
        take(REVIEWER, "t:D1", "START_INVESTIGATION", null, null);
        refused(() -> take(REVIEWER, "t:D1", "CLOSE", "worn sensor", "CAPA-1"), "WF-ROLE");
    }

    @Test
    void closingNeedsARootCauseAndForAMajorDeviationACapaReference() {
        take(REVIEWER, "t:D1", "START_INVESTIGATION", null, null);
        take(REVIEWER, "t:D2", "START_INVESTIGATION", null, null);

        refused(() -> take(RELEASER, "t:D1", "CLOSE", " ", "CAPA-1"), "WF-ROOT-CAUSE");
        assertThat(refused(() -> take(RELEASER, "t:D1", "CLOSE", "worn sensor", null), "WF-CAPA").rule().text())
                .contains("MAJOR");
        assertThat(take(RELEASER, "t:D2", "CLOSE", "operator skipped a sieve check", null).deviation().status())
                .isEqualTo(DeviationStatus.CLOSED);
    }

    @Test
    void aTransitionIsSignedSoItNeedsARecentAuthentication() {
        TransitionRefusedException e = refused(() -> workflows.take(new TransitionRequest("t:D1",
                "START_INVESTIGATION", "assess", null, null, "EQUIPMENT", REVIEWER, Instant.now().minusSeconds(600),
                UUID.randomUUID().toString())), "WF-REAUTH");
        assertThat(e.rule().kind()).isEqualTo(RefusalRule.Kind.REAUTHENTICATION);
        assertThat(e.details()).containsKey("authTime").containsEntry("window", "PT5M");
    }

    @Test
    void statusStillChangesOnlyThroughTheWorkflowNeverByCorrection() {
        var thrown = catchThrowableOfType(CorrectionRefusedException.class, () -> new RecordCorrector(unitOfWork)
                .correct(new CorrectionRequest(RecordType.DEVIATION, "t:D1", Map.of("status", "CLOSED"), RELEASER,
                        "closing", UUID.randomUUID().toString())));
        assertThat(thrown.rule().id()).isEqualTo("CORR-STATUS");
    }

    private DeviationWorkflows.Transitioned take(Actor who, String key, String transition, String rootCause,
                                                 String capa) {
        return workflows.take(new TransitionRequest(key, transition, "per SOP QA-014", rootCause, capa,
                "START_INVESTIGATION".equals(transition) ? "EQUIPMENT" : null, who, Instant.now(),
                UUID.randomUUID().toString()));
    }

    private TransitionRefusedException refused(ThrowingCallable take, String rule) {
        List<Long> before = snapshot();
        TransitionRefusedException e = catchThrowableOfType(TransitionRefusedException.class, take);
        assertThat(e).as("refused by " + rule).isNotNull();
        assertThat(e.rule().id()).isEqualTo(rule);
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
        return e;
    }

    private static Deviation deviation(String key, Deviation.Severity severity) {
        return new Deviation(key, "Granulator torque alarm " + key, severity, DeviationStatus.OPEN,
                List.of(new RecordRef(RecordType.BATCH, "t:B")), SmallPlant.T0, null, SmallPlant.provenance(key));
    }

    private static Map<String, Object> current(String key) {
        return NEO4J.db().read(tx -> tx.run("MATCH (d:Deviation {key: $k}) WHERE d.supersededAtSeq IS NULL "
                + "RETURN properties(d) AS p", Map.of("k", key)).single().get("p").asMap());
    }

    private static Signature signature(String key) {
        return NEO4J.db().read(tx -> org.batchledger.schema.json.RecordProperties.toRecord(tx.run(
                "MATCH (s:Signature {key: $k}) RETURN properties(s) AS p", Map.of("k", key)).single().get("p").asMap(),
                Signature.class));
    }

    private static List<Long> snapshot() {
        return NEO4J.db().read(tx -> tx.run("""
                MATCH (h:LedgerHead {id: 'main'})
                CALL () { MATCH (n) RETURN count(n) AS nodes }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
                RETURN h.seq AS seq, nodes, rels""", Map.of()).single()
                .values().stream().map(v -> v.asLong()).toList());
    }
}
