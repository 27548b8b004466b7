package org.batchledger.lineage.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.write.AuthenticationWindow;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.Capa.CapaStatus;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.schema.record.WorkflowTransition;

/**
 * Opens CAPAs ({@link OpenCapa}, signed) and takes their transitions ({@link TakeTransition} with the CAPA workflow,
 * {@code capa.json}: OPENED → IMPLEMENTED → EFFECTIVENESS_CHECKED → CLOSED) on the {@link LedgeredWrite unit of
 * work}.
 */
public final class CapaWorkflows {
    public static final String NAME = "capa";
    /** Who opens a CAPA: QA, for the deviations it addresses. */
    static final List<String> OPEN_ROLES = List.of("qa-reviewer", "qa-release");
    /** Opening is signed like each transition after it: QA approves the action planned for the deviations. */
    static final String OPEN = "OPEN";
    static final SignatureMeaning OPEN_MEANING = SignatureMeaning.APPROVED;

    private final LedgeredWrite unitOfWork;
    private final Workflow<CapaStatus> workflow;
    private final AuthenticationWindow authentication;
    private final Clock clock;

    public CapaWorkflows(LedgeredWrite unitOfWork, Workflow<CapaStatus> workflow, Duration reauthenticationWindow,
                         Clock clock) {
        this.unitOfWork = unitOfWork;
        this.workflow = workflow;
        this.authentication = new AuthenticationWindow(reauthenticationWindow, clock);
        this.clock = clock;
    }

    /** The shipped CAPA workflow. */
    public static Workflow<CapaStatus> defaults() {
        return Workflow.shipped(NAME, CapaStatus.class);
    }

    /** The CAPA opened, its opening transition (signed), the last entry, and the bookmark to read them after. */
    public record Opened(Capa capa, WorkflowTransition transition, long seq, Bookmarks bookmarks) {
    }

    /** The transition taken, the CAPA's new version, the last entry, and the bookmark to read them after. */
    public record Transitioned(WorkflowTransition transition, Capa capa, long seq, boolean replayed,
                               Bookmarks bookmarks) {
    }

    /** Opens a CAPA, or refuses with a {@link TransitionRefusedException} naming the rule. */
    public Opened open(OpenCapaRequest request) {
        var r = unitOfWork.run(new OpenCapa(request, authentication, clock));
        var o = r.result();
        return new Opened(o.capa(), o.transition(), o.seq(), r.bookmarks());
    }

    /** Takes the transition, or refuses with a {@link TransitionRefusedException} naming state and rule. */
    public Transitioned take(TransitionRequest request) {
        var r = unitOfWork.run(new TakeTransition<>(request, workflow, new CapaSubject(), authentication, clock));
        var t = r.result();
        return new Transitioned(t.transition(), t.record(), t.seq(), t.replayed(), r.bookmarks());
    }

    public Workflow<CapaStatus> workflow() {
        return workflow;
    }
}
