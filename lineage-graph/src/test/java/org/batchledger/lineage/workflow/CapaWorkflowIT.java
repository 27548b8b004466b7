package org.batchledger.lineage.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.CorrectionRefusedException;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.IdempotencyConflictException;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.Capa.CapaStatus;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deviation classification, impact assessment and CAPA, through the unit of work on the blocked release fixture
 * (deviation rp:DEV-7, MAJOR, OPEN, on the tablet batch) plus a second tablet batch that used the same press and the
 * same granulate lot: the deviation's investigation classifies it and stores the impact assessment; it needs a CAPA,
 * which is opened for it and moves OPENED → IMPLEMENTED → EFFECTIVENESS_CHECKED → CLOSED, each step signed and
 * ledgered; every refusal names state and rule, writing nothing.
 */
@Tag("REQ-WORKFLOW-003")
class CapaWorkflowIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final String DEVIATION = "rp:DEV-7";
    private static final String OTHER_BATCH = "rp:B-TAB2";
    private static final Actor REVIEWER = ReleasePlant.REVIEWER;
    private static final Actor REVIEWER2 = ReleasePlant.AUDITOR;
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private static final Actor ENGINEER = new Actor("sub-eng", "Eli Engineer", List.of("operator"), "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final DeviationWorkflows deviations = new DeviationWorkflows(unitOfWork, DeviationWorkflow.defaults(),
            Duration.ofMinutes(5), Clock.systemUTC());
    private final CapaWorkflows capas = new CapaWorkflows(unitOfWork, CapaWorkflows.defaults(), Duration.ofMinutes(5),
            Clock.systemUTC());
    @TempDir
    Path keys;

    @BeforeEach
    void blockedBatchAndASecondBatchOnTheSamePressAndGranulate() {
        NEO4J.clean();
        Instant t = ReleasePlant.T0.plus(Duration.ofDays(1));
        ReleasePlant.blocked()
                .with(new Batch(OTHER_BATCH, ReleasePlant.PRODUCT, "COMPRESSION", Batch.BatchStatus.COMPLETED,
                        "MBR-TAB-3", t, t.plus(Duration.ofHours(6)), ReleasePlant.provenance("b/tab2", t)))
                .with(new Consumption("rp:C-GRN2", ReleasePlant.LOT_GRANULATE, OTHER_BATCH, 10.0, "kg", "compression",
                        t, ReleasePlant.provenance("c/grn2", t)))
                .with(new EquipmentUse("rp:U-2", OTHER_BATCH, ReleasePlant.PRESS, "compression", t,
                        t.plus(Duration.ofHours(5)), ReleasePlant.provenance("u/2", t)))
                .write(new RecordWriter(unitOfWork));
    }

    @Test
    @Tag("REQ-WORKFLOW-002")
    @Tag("REQ-WORKFLOW-012")
    void theInvestigationClassifiesAndStoresTheImpactAssessmentThenACapaClosesTheDeviation() {
        var started = deviation(REVIEWER, "START_INVESTIGATION", null, null, "EQUIPMENT");
        assertThat(started.deviation().classification()).isEqualTo(Deviation.Classification.EQUIPMENT);
        assertThat(started.deviation().impactAssessment()).containsExactly(new RecordRef(RecordType.BATCH, OTHER_BATCH));
        var required = deviation(REVIEWER, "REQUIRE_CAPA", "worn punch on the press", null, null);
        assertThat(required.deviation().status()).isEqualTo(DeviationStatus.CAPA_REQUIRED);
        refused(() -> deviation(RELEASER, "CLOSE_WITH_CAPA", "worn punch", null, null), "WF-CAPA");

        Capa capa = open(REVIEWER, "Replace punch set", "replace the punches; add punch wear to PM", DEVIATION);
        var closed = deviation(RELEASER, "CLOSE_WITH_CAPA", "worn punch on the press", capa.key(), null);

        assertThat(closed.deviation().status()).isEqualTo(DeviationStatus.CLOSED);
        assertThat(closed.deviation().classification()).as("kept").isEqualTo(Deviation.Classification.EQUIPMENT);
        assertThat(closed.transition().capaReference()).isEqualTo(capa.key());
        assertThat(verifies()).isTrue();
    }

    @Test
    @Tag("REQ-WORKFLOW-012")
    @Tag("REQ-WORKFLOW-013")
    void aMissingOrUnknownClassificationAndACapaOfAnotherDeviationAreRefused() {
        refused(() -> deviation(REVIEWER, "START_INVESTIGATION", null, null, null), "WF-CLASSIFICATION");
        refused(() -> deviation(REVIEWER, "START_INVESTIGATION", null, null, "WEATHER"), "WF-CLASSIFICATION");
        deviation(REVIEWER, "START_INVESTIGATION", null, null, "PROCESS");
        new RecordWriter(unitOfWork).write(org.batchledger.lineage.write.WriteRequest.of(List.of(new Deviation(
                "rp:DEV-8", "Label mix-up", Deviation.Severity.MINOR, DeviationStatus.OPEN,
                List.of(new RecordRef(RecordType.BATCH, OTHER_BATCH)), ReleasePlant.T0, null,
                ReleasePlant.provenance("dev/8", ReleasePlant.T0))), ReleasePlant.OPERATOR, "another deviation"));
        Capa other = open(REVIEWER, "Label reconciliation", "reconcile labels at line clearance", "rp:DEV-8");

        TransitionRefusedException e = refused(() -> deviation(RELEASER, "CLOSE", "drift", other.key(), null),
                "WF-CAPA-LINK");
        assertThat(e.details()).containsEntry("capa", "Capa:" + other.key());
    }

    @Test
    void aCapaMovesThroughItsWorkflowEachStepSignedAndLedgered() {
        Capa capa = open(REVIEWER, "Replace punch set", "replace the punches", DEVIATION);
        assertThat(capa.status()).isEqualTo(CapaStatus.OPENED);
        assertThat(capa.deviations()).containsExactly(new RecordRef(RecordType.DEVIATION, DEVIATION));
        long before = size();

        var implemented = capa(ENGINEER, capa.key(), "IMPLEMENT");
        var checked = capa(REVIEWER, capa.key(), "CHECK_EFFECTIVENESS");
        var closed = capa(RELEASER, capa.key(), "CLOSE");

        assertThat(implemented.seq()).as("new version, signature, transition: one write").isEqualTo(before + 3);
        assertThat(implemented.capa().status()).isEqualTo(CapaStatus.IMPLEMENTED);
        assertThat(checked.capa().status()).isEqualTo(CapaStatus.EFFECTIVENESS_CHECKED);
        assertThat(checked.transition().fromState()).isEqualTo("IMPLEMENTED");
        assertThat(closed.capa().status()).isEqualTo(CapaStatus.CLOSED);
        assertThat(closed.capa().closedAt()).isNotNull();
        assertThat(closed.transition().workflow()).isEqualTo("capa");
        assertThat(verifies()).as("verifyLedger replays CAPA transitions").isTrue();
    }

    @Test
    @Tag("REQ-WORKFLOW-014")
    void illegalTransitionsWrongRolesAndTheImplementerCheckingTheirOwnActionAreRefused() {
        Capa capa = open(REVIEWER, "Replace punch set", "replace the punches", DEVIATION);

        TransitionRefusedException illegal = refused(() -> capa(RELEASER, capa.key(), "CLOSE"),
                "WF-ILLEGAL-TRANSITION");
        assertThat(illegal.details()).containsEntry("state", "OPENED").containsEntry("allowed", List.of("IMPLEMENT"));
        refused(() -> capa(RELEASER, capa.key(), "SKIP"), "WF-TRANSITION");
        refused(() -> capa(RELEASER, "hub:capa:none", "IMPLEMENT"), "WF-RECORD");
        capa(REVIEWER, capa.key(), "IMPLEMENT");
        assertThat(refused(() -> capa(ENGINEER, capa.key(), "CHECK_EFFECTIVENESS"), "WF-ROLE").rule().kind())
                .isEqualTo(RefusalRule.Kind.FORBIDDEN);
        refused(() -> capa(REVIEWER, capa.key(), "CHECK_EFFECTIVENESS"), "WF-SOD");
        assertThat(capa(REVIEWER2, capa.key(), "CHECK_EFFECTIVENESS").capa().status())
                .isEqualTo(CapaStatus.EFFECTIVENESS_CHECKED);
        refused(() -> capa(REVIEWER, capa.key(), "CLOSE"), "WF-ROLE");
    }

    @Test
    @Tag("REQ-WORKFLOW-014")
    void badOpeningsMissingOrOverlongTextStaleLoginsAndReplayedKeysAreRefusedWritingNothing() {
        refused(() -> open(ENGINEER, "t", "a", DEVIATION), "WF-ROLE");
        refused(() -> open(REVIEWER, " ", "a", DEVIATION), "WF-CAPA-TEXT");
        refused(() -> open(REVIEWER, "x".repeat(201), "a", DEVIATION), "WF-TEXT");
        refused(() -> open(REVIEWER, "t", "a", "rp:NO-SUCH-DEV"), "WF-CAPA-DEVIATIONS");
        refused(() -> capas.open(new OpenCapaRequest("t", "a", List.of(), REVIEWER, Instant.now(),
                UUID.randomUUID().toString())),
                "WF-CAPA-DEVIATIONS");
        Capa capa = open(REVIEWER, "Replace punch set", "replace the punches", DEVIATION);
        refused(() -> capas.take(new TransitionRequest(capa.key(), "IMPLEMENT", " ", null, null, ENGINEER,
                Instant.now(), UUID.randomUUID().toString())), "WF-REASON");
        refused(() -> capas.take(new TransitionRequest(capa.key(), "IMPLEMENT", "x".repeat(2001), null, null,
                ENGINEER, Instant.now(), UUID.randomUUID().toString())), "WF-TEXT");
        refused(() -> capas.take(new TransitionRequest(capa.key(), "IMPLEMENT", "done", null, null, ENGINEER,
                Instant.now().minus(Duration.ofMinutes(10)), UUID.randomUUID().toString())), "WF-REAUTH");

        String key = UUID.randomUUID().toString();
        var first = capas.take(new TransitionRequest(capa.key(), "IMPLEMENT", "done", null, null, ENGINEER,
                Instant.now(), key));
        var again = capas.take(new TransitionRequest(capa.key(), "IMPLEMENT", "done", null, null, ENGINEER,
                Instant.now(), key));
        assertThat(again.replayed()).isTrue();
        assertThat(again.transition()).isEqualTo(first.transition());
        long after = size();
        assertThatThrownBy(() -> capas.take(new TransitionRequest(capa.key(), "CHECK_EFFECTIVENESS", "done", null,
                null, REVIEWER2, Instant.now(), key))).isInstanceOf(IdempotencyConflictException.class);
        assertThat(size()).isEqualTo(after);
    }

    @Test
    @Tag("REQ-WORKFLOW-014")
    void capaStatusChangesOnlyThroughItsWorkflowNeverByCorrection() {
        Capa capa = open(REVIEWER, "Replace punch set", "replace the punches", DEVIATION);
        var thrown = catchThrowableOfType(CorrectionRefusedException.class, () -> new RecordCorrector(unitOfWork)
                .correct(new CorrectionRequest(RecordType.CAPA, capa.key(), Map.of("status", "CLOSED"), RELEASER,
                        "closing", UUID.randomUUID().toString())));
        assertThat(thrown.rule().id()).isEqualTo("CORR-STATUS");
    }

    private DeviationWorkflows.Transitioned deviation(Actor who, String transition, String rootCause, String capa,
                                                      String classification) {
        return deviations.take(new TransitionRequest(DEVIATION, transition, "per SOP QA-014", rootCause, capa,
                classification, who, Instant.now(), UUID.randomUUID().toString()));
    }

    private Capa open(Actor who, String title, String action, String deviation) {
        return capas.open(new OpenCapaRequest(title, action, List.of(deviation), who, Instant.now(),
                UUID.randomUUID().toString())).capa();
    }

    private CapaWorkflows.Transitioned capa(Actor who, String key, String transition) {
        return capas.take(new TransitionRequest(key, transition, "per SOP QA-021", null, null, who, Instant.now(),
                UUID.randomUUID().toString()));
    }

    private static long size() {
        return NEO4J.db().read(LedgerHead::read).treeSize();
    }

    private boolean verifies() {
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
        var report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null);
        assertThat(report.problems()).isEmpty();
        return report.ok();
    }

    private TransitionRefusedException refused(ThrowingCallable take, String rule) {
        long before = size();
        TransitionRefusedException e = catchThrowableOfType(TransitionRefusedException.class, take);
        assertThat(e).as("refused by " + rule).isNotNull();
        assertThat(e.rule().id()).isEqualTo(rule);
        assertThat(size()).as("nothing written").isEqualTo(before);
        return e;
    }
}
