package org.batchledger.hub.demo;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.workflow.CapaWorkflows;
import org.batchledger.lineage.workflow.ChangeAssessment;
import org.batchledger.lineage.workflow.ChangeControlWorkflows;
import org.batchledger.lineage.workflow.DeviationWorkflows;
import org.batchledger.lineage.workflow.EquipmentCareWorkflows;
import org.batchledger.lineage.workflow.OpenCapaRequest;
import org.batchledger.lineage.workflow.TransitionRequest;
import org.batchledger.schema.record.ChangeControl.ValidationImpact;
import org.batchledger.synthplant.QualityWorkflows;
import org.batchledger.synthplant.QualityWorkflows.OpenCapa;
import org.batchledger.synthplant.QualityWorkflows.Person;
import org.batchledger.synthplant.QualityWorkflows.Step;
import org.batchledger.synthplant.QualityWorkflows.Take;

/**
 * Takes the demo plant's quality steps ({@link QualityWorkflows}) through the same workflow commands the API uses:
 * each step signed and ledgered as one of the plant's people, with every check of the workflow data (role, state,
 * second person, CAPA link). The people are simulated, so each step is taken as if they had just logged in (their
 * authentication time is now); their client is {@code synthplant}, so the ledger tells the demo's steps from real
 * ones. Each step's idempotency key is the load's name and its position: an interrupted run resumes, a finished one
 * is recognised by its last step and not run again.
 */
final class DemoWorkflows {
    static final String CLIENT = "synthplant";

    private final DeviationWorkflows deviations;
    private final CapaWorkflows capas;
    private final ChangeControlWorkflows changes;
    private final EquipmentCareWorkflows care;
    private final Clock clock;

    DemoWorkflows(DeviationWorkflows deviations, CapaWorkflows capas, ChangeControlWorkflows changes,
                  EquipmentCareWorkflows care, Clock clock) {
        this.deviations = deviations;
        this.capas = capas;
        this.changes = changes;
        this.care = care;
        this.clock = clock;
    }

    /** The idempotency key of step {@code i} of the load. */
    static String stepKey(String loadName, int i) {
        return loadName + "#workflow-step-" + i;
    }

    void take(String loadName, List<Step> steps) {
        Map<String, String> capaOfDeviation = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String key = stepKey(loadName, i);
            switch (steps.get(i)) {
                case OpenCapa o -> capaOfDeviation.put(o.deviationKey(), capas.open(new OpenCapaRequest(o.title(),
                        o.action(), List.of(o.deviationKey()), actor(o.by()), clock.instant(), key)).capa().key());
                case Take t -> take(t, capaOfDeviation, key);
            }
        }
    }

    private void take(Take t, Map<String, String> capaOfDeviation, String key) {
        String capaReference = t.capaReference() == null ? null : capaOfDeviation.get(t.capaReference());
        ChangeAssessment assessment = t.assessment() == null ? null : new ChangeAssessment(t.assessment().get(0),
                t.assessment().get(1), t.assessment().get(2), ValidationImpact.valueOf(t.assessment().get(3)));
        String record = switch (t.type()) {
            case CAPA -> capaOfDeviation.get(t.key());
            default -> t.key();
        };
        var request = new TransitionRequest(record, t.transition(), t.reason(), t.rootCause(), capaReference,
                t.classification(), assessment, actor(t.by()), clock.instant(), key);
        switch (t.type()) {
            case DEVIATION -> deviations.take(request);
            case CAPA -> capas.take(request);
            case CHANGE_CONTROL -> changes.take(request);
            case CLEANING -> care.takeCleaning(request);
            case CALIBRATION -> care.takeCalibration(request);
            default -> throw new IllegalArgumentException("no workflow for " + t.type());
        }
    }

    private static Actor actor(Person p) {
        return new Actor(p.username(), p.printedName(), List.of(p.role()), CLIENT, Set.of(p.username()));
    }
}
