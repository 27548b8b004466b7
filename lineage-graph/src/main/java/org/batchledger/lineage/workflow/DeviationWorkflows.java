package org.batchledger.lineage.workflow;

import java.time.Clock;
import java.time.Duration;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.write.AuthenticationWindow;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.WorkflowTransition;

/** Takes deviation transitions as {@link TakeTransition} commands on the {@link LedgeredWrite unit of work}. */
public final class DeviationWorkflows {
    private final LedgeredWrite unitOfWork;
    private final DeviationWorkflow workflow;
    private final AuthenticationWindow authentication;
    private final Clock clock;

    public DeviationWorkflows(LedgeredWrite unitOfWork, DeviationWorkflow workflow, Duration reauthenticationWindow,
                              Clock clock) {
        this.unitOfWork = unitOfWork;
        this.workflow = workflow;
        this.authentication = new AuthenticationWindow(reauthenticationWindow, clock);
        this.clock = clock;
    }

    /** The transition taken, the deviation's new version, the last entry, and the bookmark to read them after. */
    public record Transitioned(WorkflowTransition transition, Deviation deviation, long seq, boolean replayed,
                               Bookmarks bookmarks) {
    }

    /** Takes the transition, or refuses with a {@link TransitionRefusedException} naming state and rule. */
    public Transitioned take(TransitionRequest request) {
        var r = unitOfWork.run(new TakeTransition<>(request, workflow.workflow(), new DeviationSubject(),
                authentication, clock));
        var t = r.result();
        return new Transitioned(t.transition(), t.record(), t.seq(), t.replayed(), r.bookmarks());
    }

    public DeviationWorkflow workflow() {
        return workflow;
    }
}
