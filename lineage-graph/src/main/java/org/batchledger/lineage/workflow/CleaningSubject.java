package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.workflow.Workflow.Transition;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.RecordType;

/** A cleaning as the cleaning workflow moves it: VERIFY stamps the verifier on its new version. */
final class CleaningSubject implements Subject<VerificationState, Cleaning> {
    @Override
    public RecordType type() {
        return RecordType.CLEANING;
    }

    @Override
    public Class<Cleaning> recordClass() {
        return Cleaning.class;
    }

    @Override
    public VerificationState state(Cleaning c) {
        return c.verifiedBy() == null ? VerificationState.RECORDED : VerificationState.VERIFIED;
    }

    @Override
    public Set<String> recorders(Cleaning c) {
        Set<String> who = new HashSet<>(Subject.super.recorders(c));
        if (c.performedBy() != null) {
            who.add(c.performedBy());
        }
        return who;
    }

    @Override
    public void require(Tx tx, Cleaning current, Transition<VerificationState> t, TransitionRequest request,
                        String record) {
        // state, role, reason and the second person are the workflow's checks
    }

    @Override
    public Cleaning moved(Tx tx, Cleaning c, Transition<VerificationState> t, TransitionRequest request, Instant now) {
        boolean verified = t.to() == VerificationState.VERIFIED;
        return new Cleaning(c.key(), c.equipmentKey(), c.method(), c.performedAt(), c.validUntil(), c.performedBy(),
                verified ? request.actor().subject() : null, verified ? now : null, c.provenance());
    }
}
