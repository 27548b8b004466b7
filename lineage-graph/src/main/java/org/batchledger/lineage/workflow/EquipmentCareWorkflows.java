package org.batchledger.lineage.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.write.AuthenticationWindow;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.WorkflowTransition;

/**
 * Records cleanings and calibrations ({@link RecordCare}, unverified) and verifies them ({@link TakeTransition} with
 * {@code cleaning.json} or {@code calibration.json}: RECORDED → VERIFIED, by a second person). Release readiness
 * counts a cleaning or calibration only once verified by someone other than its performer.
 */
public final class EquipmentCareWorkflows {
    public static final String CLEANING = "cleaning";
    public static final String CALIBRATION = "calibration";
    /** Who records a cleaning or a calibration they performed. */
    static final List<String> RECORD_ROLES = List.of("operator", "qa-reviewer");

    private final LedgeredWrite unitOfWork;
    private final Workflow<VerificationState> cleaning;
    private final Workflow<VerificationState> calibration;
    private final AuthenticationWindow authentication;
    private final Clock clock;

    public EquipmentCareWorkflows(LedgeredWrite unitOfWork, Workflow<VerificationState> cleaning,
                                  Workflow<VerificationState> calibration, Duration reauthenticationWindow,
                                  Clock clock) {
        this.unitOfWork = unitOfWork;
        this.cleaning = cleaning;
        this.calibration = calibration;
        this.authentication = new AuthenticationWindow(reauthenticationWindow, clock);
        this.clock = clock;
    }

    /** The shipped workflows. */
    public static EquipmentCareWorkflows defaults(LedgeredWrite unitOfWork, Duration reauthenticationWindow,
                                                  Clock clock) {
        return new EquipmentCareWorkflows(unitOfWork, Workflow.shipped(CLEANING, VerificationState.class),
                Workflow.shipped(CALIBRATION, VerificationState.class), reauthenticationWindow, clock);
    }

    /** The record written, and the bookmark to read it after. */
    public record Recorded<R extends LedgerRecord>(R record, Bookmarks bookmarks) {
    }

    /** The verification taken, the record's new version, the last entry, and the bookmark to read them after. */
    public record Verified<R extends LedgerRecord>(WorkflowTransition transition, R record, long seq, boolean replayed,
                                                   Bookmarks bookmarks) {
    }

    public Recorded<Cleaning> recordCleaning(RecordCareRequest request) {
        var r = unitOfWork.run(new RecordCare(RecordType.CLEANING, request, clock));
        return new Recorded<>((Cleaning) r.result(), r.bookmarks());
    }

    public Recorded<Calibration> recordCalibration(RecordCareRequest request) {
        var r = unitOfWork.run(new RecordCare(RecordType.CALIBRATION, request, clock));
        return new Recorded<>((Calibration) r.result(), r.bookmarks());
    }

    /** Takes a cleaning's transition (VERIFY), or refuses naming state and rule. */
    public Verified<Cleaning> takeCleaning(TransitionRequest request) {
        var r = unitOfWork.run(new TakeTransition<>(request, cleaning, new CleaningSubject(), authentication, clock));
        var t = r.result();
        return new Verified<>(t.transition(), t.record(), t.seq(), t.replayed(), r.bookmarks());
    }

    /** Takes a calibration's transition (VERIFY), or refuses naming state and rule. */
    public Verified<Calibration> takeCalibration(TransitionRequest request) {
        var r = unitOfWork.run(new TakeTransition<>(request, calibration, new CalibrationSubject(), authentication,
                clock));
        var t = r.result();
        return new Verified<>(t.transition(), t.record(), t.seq(), t.replayed(), r.bookmarks());
    }
}
