package org.batchledger.lineage.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.write.AuthenticationWindow;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.ChangeControl.ChangeStatus;
import org.batchledger.schema.record.WorkflowTransition;

/**
 * Requests changes ({@link OpenChangeControl}) and takes their transitions ({@link TakeTransition} with the
 * change-control workflow, {@code change-control.json}: OPEN (requested) → ASSESSED → APPROVED → IMPLEMENTED →
 * CLOSED, or REJECTED) on the {@link LedgeredWrite unit of work}.
 */
public final class ChangeControlWorkflows {
    public static final String NAME = "change-control";
    /** Who requests a change: anyone who works on GMP records. */
    static final List<String> OPEN_ROLES = List.of("operator", "qa-reviewer", "qa-release");

    private final LedgeredWrite unitOfWork;
    private final Workflow<ChangeStatus> workflow;
    private final AuthenticationWindow authentication;
    private final Clock clock;

    public ChangeControlWorkflows(LedgeredWrite unitOfWork, Workflow<ChangeStatus> workflow,
                                  Duration reauthenticationWindow, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.workflow = workflow;
        this.authentication = new AuthenticationWindow(reauthenticationWindow, clock);
        this.clock = clock;
    }

    /** The shipped change-control workflow. */
    public static Workflow<ChangeStatus> defaults() {
        return Workflow.shipped(NAME, ChangeStatus.class);
    }

    /** The change requested, and the bookmark to read it after. */
    public record Opened(ChangeControl changeControl, Bookmarks bookmarks) {
    }

    /** The transition taken, the change control's new version, the last entry, and the bookmark to read them after. */
    public record Transitioned(WorkflowTransition transition, ChangeControl changeControl, long seq, boolean replayed,
                               Bookmarks bookmarks) {
    }

    /** Requests a change, or refuses with a {@link TransitionRefusedException} naming the rule. */
    public Opened open(OpenChangeControlRequest request) {
        var r = unitOfWork.run(new OpenChangeControl(request, clock));
        return new Opened(r.result(), r.bookmarks());
    }

    /** Takes the transition, or refuses with a {@link TransitionRefusedException} naming state and rule. */
    public Transitioned take(TransitionRequest request) {
        var r = unitOfWork.run(new TakeTransition<>(request, workflow, new ChangeControlSubject(), authentication,
                clock));
        var t = r.result();
        return new Transitioned(t.transition(), t.record(), t.seq(), t.replayed(), r.bookmarks());
    }

    public Workflow<ChangeStatus> workflow() {
        return workflow;
    }
}
