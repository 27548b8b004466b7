package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.workflow.Workflow.Transition;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.ChangeControl.ChangeStatus;
import org.batchledger.schema.record.RecordType;

/**
 * A change control as its workflow moves it: a transition that {@code assesses} needs the whole impact assessment
 * and stores it on the new version; closing or rejecting sets closedAt.
 */
final class ChangeControlSubject implements Subject<ChangeStatus, ChangeControl> {
    @Override
    public RecordType type() {
        return RecordType.CHANGE_CONTROL;
    }

    @Override
    public Class<ChangeControl> recordClass() {
        return ChangeControl.class;
    }

    @Override
    public ChangeStatus state(ChangeControl c) {
        return c.status();
    }

    @Override
    public void require(Tx tx, ChangeControl current, Transition<ChangeStatus> t, TransitionRequest request,
                        String record) {
        if (!t.assesses()) {
            return;
        }
        List<String> missing = request.assessment() == null
                ? new ChangeAssessment(null, null, null, null).missing() : request.assessment().missing();
        if (!missing.isEmpty()) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("state", current.status().name());
            facts.put("transition", t.name());
            facts.put("missing", missing);
            throw new TransitionRefusedException(record, WorkflowRule.ASSESSMENT, facts);
        }
    }

    @Override
    public ChangeControl moved(Tx tx, ChangeControl c, Transition<ChangeStatus> t, TransitionRequest request,
                               Instant now) {
        var a = t.assesses() ? request.assessment() : null;
        boolean ends = t.to() == ChangeStatus.CLOSED || t.to() == ChangeStatus.REJECTED;
        return new ChangeControl(c.key(), c.title(), t.to(), c.affects(), c.openedAt(), ends ? now : c.closedAt(),
                a == null ? c.impactOnEquipment() : a.equipment().strip(),
                a == null ? c.impactOnRecipes() : a.recipes().strip(),
                a == null ? c.impactOnSpecifications() : a.specifications().strip(),
                a == null ? c.validationImpact() : a.validationImpact(), c.provenance());
    }
}
