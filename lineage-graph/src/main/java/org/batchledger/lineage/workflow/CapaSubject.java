package org.batchledger.lineage.workflow;

import java.time.Instant;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.workflow.Workflow.Transition;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.Capa.CapaStatus;
import org.batchledger.schema.record.RecordType;

/** The CAPA as its workflow moves it: no checks of its own beyond the workflow's; closing sets closedAt. */
final class CapaSubject implements Subject<CapaStatus, Capa> {
    @Override
    public RecordType type() {
        return RecordType.CAPA;
    }

    @Override
    public Class<Capa> recordClass() {
        return Capa.class;
    }

    @Override
    public CapaStatus state(Capa c) {
        return c.status();
    }

    @Override
    public void require(Tx tx, Capa current, Transition<CapaStatus> t, TransitionRequest request, String record) {
        // the workflow's checks (state, role, reason, who took the step checked) are all a CAPA step needs
    }

    @Override
    public Capa moved(Tx tx, Capa c, Transition<CapaStatus> t, TransitionRequest request, Instant now) {
        return new Capa(c.key(), c.title(), c.action(), t.to(), c.deviations(), c.openedAt(),
                t.to() == CapaStatus.CLOSED ? now : c.closedAt(), c.provenance());
    }
}
