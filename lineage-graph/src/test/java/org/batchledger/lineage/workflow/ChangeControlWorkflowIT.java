package org.batchledger.lineage.workflow;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.ChangeControl.ChangeStatus;
import org.batchledger.schema.record.ChangeControl.ValidationImpact;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change control through the unit of work on the release fixture: an operator requests a change to the tablet press,
 * QA assesses its impact, someone other than the requester approves it, it is implemented and closed by someone other
 * than the implementer; each step signed and ledgered; every refusal names state and rule and writes nothing.
 */
@Tag("REQ-WORKFLOW-015")
class ChangeControlWorkflowIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor OPERATOR = ReleasePlant.OPERATOR;
    private static final Actor REVIEWER = ReleasePlant.REVIEWER;
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private static final Actor RELEASER2 = new Actor("sub-rel2", "Ravi Releaser", List.of("qa-release"), "ui-client");
    private static final Actor INSPECTOR = new Actor("sub-insp", "Ines Inspector", List.of("inspector"), "ui-client");
    private static final ChangeAssessment ASSESSMENT = new ChangeAssessment("press tooling replaced; requalify (OQ)",
            "none: compression parameters unchanged", "none", ValidationImpact.YES);
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final ChangeControlWorkflows changes = new ChangeControlWorkflows(unitOfWork,
            ChangeControlWorkflows.defaults(), Duration.ofMinutes(5), Clock.systemUTC());
    @TempDir
    Path keys;

    @BeforeEach
    void releaseFixture() {
        NEO4J.clean();
        ReleasePlant.ready().write(new RecordWriter(unitOfWork));
    }

    @Test
    @Tag("REQ-WORKFLOW-016")
    @Tag("REQ-WORKFLOW-017")
    void aChangeIsRequestedAssessedApprovedImplementedAndClosedEachStepSignedAndLedgered() {
        ChangeControl cc = open(RELEASER, "New punch tooling on the tablet press");
        assertThat(cc.status()).isEqualTo(ChangeStatus.OPEN);
        assertThat(cc.affects()).containsExactly(new RecordRef(RecordType.EQUIPMENT, ReleasePlant.PRESS));
        assertThat(cc.provenance().recordedBy()).as("the requester").isEqualTo(RELEASER.subject());
        long before = size();

        var assessed = take(REVIEWER, cc.key(), "ASSESS", ASSESSMENT);
        var approved = take(RELEASER2, cc.key(), "APPROVE", null);
        var implemented = take(OPERATOR, cc.key(), "IMPLEMENT", null);
        var closed = take(RELEASER, cc.key(), "CLOSE", null);

        assertThat(assessed.seq()).as("new version, signature, transition: one write").isEqualTo(before + 3);
        assertThat(assessed.changeControl().status()).isEqualTo(ChangeStatus.ASSESSED);
        assertThat(assessed.changeControl().impactOnEquipment()).isEqualTo("press tooling replaced; requalify (OQ)");
        assertThat(assessed.changeControl().validationImpact()).isEqualTo(ValidationImpact.YES);
        assertThat(approved.changeControl().status()).isEqualTo(ChangeStatus.APPROVED);
        assertThat(approved.changeControl().impactOnRecipes()).as("kept").isEqualTo(ASSESSMENT.recipes());
        assertThat(implemented.changeControl().status()).isEqualTo(ChangeStatus.IMPLEMENTED);
        assertThat(closed.changeControl().status()).isEqualTo(ChangeStatus.CLOSED);
        assertThat(closed.changeControl().closedAt()).isNotNull();
        assertThat(closed.transition().workflow()).isEqualTo("change-control");
        assertThat(changes.workflow().transition("APPROVE").orElseThrow().meaning())
                .isEqualTo(SignatureMeaning.APPROVED);
        assertThat(verifies()).as("verifyLedger replays change-control transitions").isTrue();
    }

    @Test
    @Tag("REQ-WORKFLOW-018")
    @Tag("REQ-WORKFLOW-019")
    void illegalTransitionsWrongRolesAndTheRequesterApprovingTheirOwnChangeAreRefusedWritingNothing() {
        ChangeControl cc = open(RELEASER, "New punch tooling on the tablet press");

        TransitionRefusedException illegal = refused(() -> take(RELEASER2, cc.key(), "APPROVE", null),
                "WF-ILLEGAL-TRANSITION");
        assertThat(illegal.details()).containsEntry("state", "OPEN")
                .containsEntry("allowed", List.of("ASSESS", "REJECT_REQUEST"));
        assertThat(illegal.rule().text()).contains("the change-control is OPEN");
        refused(() -> take(REVIEWER, cc.key(), "SKIP", null), "WF-TRANSITION");
        refused(() -> take(REVIEWER, "hub:cc:none", "ASSESS", ASSESSMENT), "WF-RECORD");
        assertThat(refused(() -> take(OPERATOR, cc.key(), "ASSESS", ASSESSMENT), "WF-ROLE").rule().text())
                .contains("[qa-release, qa-reviewer]");
        take(REVIEWER, cc.key(), "ASSESS", ASSESSMENT);
        refused(() -> take(REVIEWER, cc.key(), "APPROVE", null), "WF-ROLE");
        TransitionRefusedException own = refused(() -> take(RELEASER, cc.key(), "APPROVE", null), "WF-SOD-RECORDER");
        assertThat(own.rule().kind()).isEqualTo(RefusalRule.Kind.FORBIDDEN);
        assertThat(own.details()).containsEntry("state", "ASSESSED");
        take(RELEASER2, cc.key(), "APPROVE", null);
        take(RELEASER2, cc.key(), "IMPLEMENT", null);
        refused(() -> take(RELEASER2, cc.key(), "CLOSE", null), "WF-SOD");
        assertThat(take(RELEASER, cc.key(), "CLOSE", null).changeControl().status()).isEqualTo(ChangeStatus.CLOSED);
        refused(() -> take(RELEASER, cc.key(), "REJECT", null), "WF-ILLEGAL-TRANSITION");
    }

    @Test
    @Tag("REQ-WORKFLOW-020")
    void approvalNeedsTheWholeAssessmentFirstAndAMissingPartIsNamed() {
        ChangeControl cc = open(OPERATOR, "Alternative lactose supplier");
        TransitionRefusedException none = refused(() -> take(REVIEWER, cc.key(), "ASSESS", null), "WF-ASSESSMENT");
        assertThat(none.details()).containsEntry("missing", List.of("impactOnEquipment", "impactOnRecipes",
                "impactOnSpecifications", "validationImpact"));
        TransitionRefusedException part = refused(() -> take(REVIEWER, cc.key(), "ASSESS",
                new ChangeAssessment("none", " ", "new supplier CoA limits", null)), "WF-ASSESSMENT");
        assertThat(part.details()).containsEntry("missing", List.of("impactOnRecipes", "validationImpact"));
        refused(() -> take(RELEASER, cc.key(), "APPROVE", null), "WF-ILLEGAL-TRANSITION");
        refused(() -> take(REVIEWER, cc.key(), "ASSESS", new ChangeAssessment("x".repeat(2001), "none", "none",
                ValidationImpact.NO)), "WF-TEXT");
        var rejected = take(RELEASER, cc.key(), "REJECT_REQUEST", null);
        assertThat(rejected.changeControl().status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(rejected.changeControl().closedAt()).isNotNull();
    }

    @Test
    @Tag("REQ-WORKFLOW-021")
    void badRequestsStaleLoginsAndCorrectionsOfStatusOrAssessmentAreRefusedWritingNothing() {
        refused(() -> open(INSPECTOR, "t"), "WF-ROLE");
        refused(() -> open(OPERATOR, " "), "WF-CHANGE-TEXT");
        refused(() -> open(OPERATOR, "x".repeat(201)), "WF-TEXT");
        TransitionRefusedException unknown = refused(() -> changes.open(new OpenChangeControlRequest("t",
                List.of(new RecordRef(RecordType.EQUIPMENT, "rp:EQ-NONE")), OPERATOR, UUID.randomUUID().toString())),
                "WF-AFFECTS");
        assertThat(unknown.details()).containsEntry("missing", List.of("Equipment:rp:EQ-NONE"));
        ChangeControl cc = open(OPERATOR, "New punch tooling");
        refused(() -> changes.take(TransitionRequest.of(cc.key(), "ASSESS", "assessed", ASSESSMENT, REVIEWER,
                Instant.now().minus(Duration.ofMinutes(10)), UUID.randomUUID().toString())), "WF-REAUTH");
        refused(() -> changes.take(TransitionRequest.of(cc.key(), "ASSESS", " ", ASSESSMENT, REVIEWER,
                Instant.now(), UUID.randomUUID().toString())), "WF-REASON");
        for (String field : List.of("status", "impactOnEquipment", "validationImpact")) {
            long before = size();
            var thrown = catchThrowableOfType(CorrectionRefusedException.class, () -> new RecordCorrector(unitOfWork)
                    .correct(new CorrectionRequest(RecordType.CHANGE_CONTROL, cc.key(), Map.of(field, "CLOSED"),
                            RELEASER, "closing", UUID.randomUUID().toString())));
            assertThat(thrown.rule().id()).as(field).isEqualTo("CORR-STATUS");
            assertThat(size()).isEqualTo(before);
        }
    }

    private ChangeControl open(Actor who, String title) {
        return changes.open(new OpenChangeControlRequest(title, List.of(new RecordRef(RecordType.EQUIPMENT,
                ReleasePlant.PRESS)), who, UUID.randomUUID().toString())).changeControl();
    }

    private ChangeControlWorkflows.Transitioned take(Actor who, String key, String transition,
                                                     ChangeAssessment assessment) {
        return changes.take(TransitionRequest.of(key, transition, "per SOP QA-030", assessment, who, Instant.now(),
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
