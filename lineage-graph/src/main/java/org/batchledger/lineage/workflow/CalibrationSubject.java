package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.workflow.Workflow.Transition;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.RecordType;

/** A calibration as the calibration workflow moves it: VERIFY stamps the verifier on its new version. */
final class CalibrationSubject implements Subject<VerificationState, Calibration> {
    @Override
    public RecordType type() {
        return RecordType.CALIBRATION;
    }

    @Override
    public Class<Calibration> recordClass() {
        return Calibration.class;
    }

    @Override
    public VerificationState state(Calibration c) {
        return c.verifiedBy() == null ? VerificationState.RECORDED : VerificationState.VERIFIED;
    }

    @Override
    public Set<String> recorders(Calibration c) {
        Set<String> who = new HashSet<>(Subject.super.recorders(c));
        if (c.performedBy() != null) {
            who.add(c.performedBy());
        }
        return who;
    }

    @Override
    public void require(Tx tx, Calibration current, Transition<VerificationState> t, TransitionRequest request,
                        String record) {
        // state, role, reason and the second person are the workflow's checks
    }

    @Override
    public Calibration moved(Tx tx, Calibration c, Transition<VerificationState> t, TransitionRequest request,
                             Instant now) {
        boolean verified = t.to() == VerificationState.VERIFIED;
        return new Calibration(c.key(), c.equipmentKey(), c.outcome(), c.performedAt(), c.dueAt(), c.performedBy(),
                verified ? request.actor().subject() : null, verified ? now : null, c.provenance());
    }
}
