package org.batchledger.lineage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.batchledger.lineage.release.ReleaseTestSupport.NEO4J;
import static org.batchledger.lineage.release.ReleaseTestSupport.check;
import static org.batchledger.lineage.release.ReleaseTestSupport.evaluate;
import static org.batchledger.lineage.release.ReleaseTestSupport.head;
import static org.batchledger.lineage.testsupport.ReleasePlant.PRESS;
import static org.batchledger.lineage.testsupport.ReleasePlant.T0;

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
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.workflow.EquipmentCareWorkflows;
import org.batchledger.lineage.workflow.RecordCareRequest;
import org.batchledger.lineage.workflow.TransitionRefusedException;
import org.batchledger.lineage.workflow.TransitionRequest;
import org.batchledger.lineage.write.CorrectionRefusedException;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Calibration.CalibrationOutcome;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.RecordType;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleanings and calibrations recorded and verified through their workflows on the ready release fixture (its press
 * used from T0+30min), and what release readiness makes of them: a cleaning recorded after the fixture's verified one
 * leaves the press not clean until a second person verifies it; a verified cleaning whose hold ended before the use
 * makes it dirty; a verified FAIL or a due date passed makes it out of calibration; an unverified calibration does not
 * count. Each refusal names the rule and writes nothing.
 */
@Tag("REQ-WORKFLOW-022")
class EquipmentCareReadinessIT {
    private static final Actor OPERATOR = ReleasePlant.OPERATOR;
    private static final Actor OPERATOR2 = new Actor("sub-op2", "Otto Operator", List.of("operator"), "ui-client");
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final EquipmentCareWorkflows care = EquipmentCareWorkflows.defaults(unitOfWork, Duration.ofMinutes(5),
            Clock.systemUTC());
    @TempDir
    Path keys;

    @Test
    @Tag("REQ-WORKFLOW-023")
    @Tag("REQ-WORKFLOW-024")
    void anUnverifiedCleaningLeavesThePressNotCleanUntilASecondPersonVerifiesIt() {
        ReleaseTestSupport plant = new ReleaseTestSupport(keys).write(ReleasePlant.ready());
        assertThat(evaluate().readiness().ready()).as("the fixture's cleaning is verified").isTrue();

        Cleaning cleaning = cleaning(OPERATOR, T0, T0.plus(Duration.ofHours(24)));
        assertThat(cleaning.verifiedBy()).isNull();
        plant.checkpoint();
        var unverified = evaluate();
        ReadinessCheck dirty = check(unverified, "equipment-ready");
        assertThat(dirty.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(dirty.explanation()).isEqualTo("Equipment rp:EQ-PRESS (Tablet press)'s last cleaning before its use"
                + " in step compression, " + cleaning.key() + ", is not verified by a second person.");
        assertThat(unverified.readiness().ready()).isFalse();
        assertThat(check(unverified, "alcoa-no-critical-findings").status()).as("ALCOA-CS-003")
                .isEqualTo(CheckStatus.FAIL);

        TransitionRefusedException self = refused(() -> verifyCleaning(OPERATOR, cleaning.key()), "WF-SOD-RECORDER");
        assertThat(self.details()).containsEntry("state", "RECORDED");
        var verified = verifyCleaning(OPERATOR2, cleaning.key());
        assertThat(verified.record().verifiedBy()).isEqualTo(OPERATOR2.subject());
        assertThat(verified.record().verifiedAt()).isNotNull();
        assertThat(verified.transition().toState()).isEqualTo("VERIFIED");
        refused(() -> verifyCleaning(RELEASER, cleaning.key()), "WF-ILLEGAL-TRANSITION");
        plant.checkpoint();

        var after = evaluate();
        assertThat(check(after, "equipment-ready").status()).isEqualTo(CheckStatus.PASS);
        assertThat(after.readiness().ready()).isTrue();
        assertThat(verifies()).as("verifyLedger replays the verification").isTrue();
    }

    @Test
    @Tag("REQ-WORKFLOW-029")
    void correctingAVerifiedCleaningVoidsItsVerificationUntilASecondPersonVerifiesTheNewValues() {
        ReleaseTestSupport plant = new ReleaseTestSupport(keys).write(ReleasePlant.ready());
        Cleaning cleaning = cleaning(OPERATOR, T0, T0.plus(Duration.ofHours(24)));
        verifyCleaning(OPERATOR2, cleaning.key());
        plant.checkpoint();
        assertThat(evaluate().readiness().ready()).isTrue();

        var corrected = new RecordCorrector(unitOfWork).correct(new CorrectionRequest(RecordType.CLEANING,
                cleaning.key(), Map.of("validUntil", T0.plus(Duration.ofHours(48)).toString()), OPERATOR,
                "hold time per SOP-CLN-020 rev 3", UUID.randomUUID().toString()));
        Cleaning now = (Cleaning) corrected.record();
        assertThat(now.validUntil()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(now.verifiedBy()).as("verified the old values only").isNull();
        assertThat(now.verifiedAt()).isNull();
        plant.checkpoint();
        var unverified = evaluate();
        assertThat(check(unverified, "equipment-ready").explanation()).contains(cleaning.key()
                + ", is not verified by a second person");
        assertThat(unverified.readiness().ready()).isFalse();

        refused(() -> verifyCleaning(OPERATOR, cleaning.key()), "WF-SOD-RECORDER");
        assertThat(verifyCleaning(RELEASER, cleaning.key()).record().verifiedBy()).isEqualTo(RELEASER.subject());
        plant.checkpoint();
        assertThat(evaluate().readiness().ready()).isTrue();
        assertThat(verifies()).isTrue();
    }

    @Test
    @Tag("REQ-WORKFLOW-025")
    void aVerifiedCleaningWhoseHoldEndedBeforeTheUseMakesThePressDirty() {
        ReleaseTestSupport plant = new ReleaseTestSupport(keys).write(ReleasePlant.ready());
        Cleaning cleaning = cleaning(OPERATOR, T0.minus(Duration.ofHours(1)), T0);
        verifyCleaning(OPERATOR2, cleaning.key());
        plant.checkpoint();

        ReadinessCheck dirty = check(evaluate(), "equipment-ready");
        assertThat(dirty.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(dirty.explanation()).contains(cleaning.key() + " was valid until 2026-11-02T06:00:00Z")
                .contains("(clean hold time exceeded)");
    }

    @Test
    @Tag("REQ-WORKFLOW-026")
    void aVerifiedFailOrADueDatePassedPutsThePressOutOfCalibrationAndAnUnverifiedOneDoesNotCount() {
        ReleaseTestSupport plant = new ReleaseTestSupport(keys).write(ReleasePlant.ready());
        Calibration failed = calibration(OPERATOR, CalibrationOutcome.FAIL, T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(30)));
        plant.checkpoint();
        assertThat(check(evaluate(), "equipment-ready").explanation()).contains(failed.key()
                + ", is not verified by a second person");
        verifyCalibration(OPERATOR2, failed.key());
        plant.checkpoint();
        assertThat(check(evaluate(), "equipment-ready").explanation()).contains(failed.key() + ", FAILED");

        Calibration lapsing = calibration(OPERATOR, CalibrationOutcome.PASS, T0.minus(Duration.ofHours(12)),
                T0.plus(Duration.ofHours(1)));
        verifyCalibration(RELEASER, lapsing.key());
        plant.checkpoint();
        ReadinessCheck due = check(evaluate(), "equipment-ready");
        assertThat(due.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(due.explanation()).contains("calibration " + lapsing.key() + " was due 2026-11-02T07:00:00Z");
        assertThat(verifies()).isTrue();
    }

    @Test
    @Tag("REQ-WORKFLOW-027")
    void badRecordsWrongRolesAndCorrectionsOfTheVerifierAreRefusedWritingNothing() {
        new ReleaseTestSupport(keys).write(ReleasePlant.ready());
        Instant at = T0;
        refused(() -> care.recordCleaning(request(RELEASER, PRESS, null, at, at.plusSeconds(3600))), "WF-ROLE");
        assertThat(refused(() -> care.recordCleaning(request(OPERATOR, PRESS, null, null, at)), "WF-CARE-FIELDS")
                .details()).containsEntry("field", "performedAt");
        assertThat(refused(() -> care.recordCleaning(request(OPERATOR, PRESS, null, at, at.minusSeconds(1))),
                "WF-CARE-FIELDS").details()).containsEntry("field", "validUntil");
        assertThat(refused(() -> care.recordCleaning(request(OPERATOR, PRESS, null, Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200))), "WF-CARE-FIELDS").details()).containsEntry("field", "performedAt");
        assertThat(refused(() -> care.recordCalibration(request(OPERATOR, PRESS, null, at, at.plusSeconds(3600))),
                "WF-CARE-FIELDS").details()).containsEntry("field", "outcome");
        assertThat(refused(() -> care.recordCalibration(request(OPERATOR, "rp:EQ-NONE", CalibrationOutcome.PASS, at,
                at.plusSeconds(3600))), "WF-EQUIPMENT").details()).containsEntry("missing", "Equipment:rp:EQ-NONE");

        Cleaning cleaning = cleaning(OPERATOR, at, at.plusSeconds(3600));
        refused(() -> care.takeCleaning(TransitionRequest.of(cleaning.key(), "VERIFY", " ", null, OPERATOR2,
                Instant.now(), UUID.randomUUID().toString())), "WF-REASON");
        refused(() -> care.takeCleaning(TransitionRequest.of(cleaning.key(), "VERIFY", "checked", null, OPERATOR2,
                Instant.now().minus(Duration.ofMinutes(10)), UUID.randomUUID().toString())), "WF-REAUTH");
        refused(() -> care.takeCleaning(TransitionRequest.of(cleaning.key(), "APPROVE", "checked", null, OPERATOR2,
                Instant.now(), UUID.randomUUID().toString())), "WF-TRANSITION");
        long before = head();
        var thrown = catchThrowableOfType(CorrectionRefusedException.class, () -> new RecordCorrector(unitOfWork)
                .correct(new CorrectionRequest(RecordType.CLEANING, cleaning.key(), Map.of("verifiedBy", "sub-op2"),
                        OPERATOR, "verified on paper", UUID.randomUUID().toString())));
        assertThat(thrown.rule().id()).isEqualTo("CORR-VERIFICATION");
        assertThat(head()).isEqualTo(before);
    }

    private Cleaning cleaning(Actor who, Instant performedAt, Instant validUntil) {
        return care.recordCleaning(request(who, PRESS, null, performedAt, validUntil)).record();
    }

    private Calibration calibration(Actor who, CalibrationOutcome outcome, Instant performedAt, Instant dueAt) {
        return care.recordCalibration(request(who, PRESS, outcome, performedAt, dueAt)).record();
    }

    private static RecordCareRequest request(Actor who, String equipment, CalibrationOutcome outcome, Instant at,
                                             Instant until) {
        return new RecordCareRequest(equipment, outcome == null ? "CIP (SOP-CLN-020)" : null, outcome, at, until, who,
                UUID.randomUUID().toString());
    }

    private EquipmentCareWorkflows.Verified<Cleaning> verifyCleaning(Actor who, String key) {
        return care.takeCleaning(TransitionRequest.of(key, "VERIFY", "visually clean, swab log checked", null, who,
                Instant.now(), UUID.randomUUID().toString()));
    }

    private EquipmentCareWorkflows.Verified<Calibration> verifyCalibration(Actor who, String key) {
        return care.takeCalibration(TransitionRequest.of(key, "VERIFY", "certificate checked", null, who,
                Instant.now(), UUID.randomUUID().toString()));
    }

    private boolean verifies() {
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
        var report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null);
        assertThat(report.problems()).isEmpty();
        return report.ok();
    }

    private static TransitionRefusedException refused(ThrowingCallable take, String rule) {
        long before = head();
        TransitionRefusedException e = catchThrowableOfType(TransitionRefusedException.class, take);
        assertThat(e).as("refused by " + rule).isNotNull();
        assertThat(e.rule().id()).isEqualTo(rule);
        assertThat(head()).as("nothing written").isEqualTo(before);
        return e;
    }
}
