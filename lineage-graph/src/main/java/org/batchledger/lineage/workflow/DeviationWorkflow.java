package org.batchledger.lineage.workflow;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.batchledger.schema.record.Deviation.DeviationStatus;

/**
 * The deviation workflow ({@code deviation.json}): OPEN → UNDER_INVESTIGATION (classified, impact assessed) →
 * CAPA_REQUIRED → CLOSED, or UNDER_INVESTIGATION → CLOSED where no CAPA is needed. See {@link Workflow}.
 */
public final class DeviationWorkflow {
    public static final String NAME = "deviation";

    private final Workflow<DeviationStatus> workflow;

    private DeviationWorkflow(Workflow<DeviationStatus> workflow) {
        this.workflow = workflow;
    }

    public static DeviationWorkflow defaults() {
        return new DeviationWorkflow(Workflow.shipped(NAME, DeviationStatus.class));
    }

    public static DeviationWorkflow read(InputStream in, String source) {
        return new DeviationWorkflow(Workflow.read(in, source, NAME, DeviationStatus.class));
    }

    public String version() {
        return workflow.version();
    }

    public List<Workflow.Transition<DeviationStatus>> transitions() {
        return workflow.transitions();
    }

    public Optional<Workflow.Transition<DeviationStatus>> transition(String name) {
        return workflow.transition(name);
    }

    public List<String> from(DeviationStatus state) {
        return workflow.from(state);
    }

    Workflow<DeviationStatus> workflow() {
        return workflow;
    }
}
