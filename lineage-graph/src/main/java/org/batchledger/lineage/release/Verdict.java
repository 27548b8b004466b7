package org.batchledger.lineage.release;

import java.util.List;
import org.batchledger.schema.record.Batch.BatchStatus;

/** Where a batch stands for release, as the release queue sorts it. */
public enum Verdict {
    READY, BLOCKED, INCOMPLETE, RELEASED, REJECTED,
    /** QA put the batch on hold: a standing ON_HOLD disposition (its signature not withdrawn). */
    ON_HOLD,
    IN_PROCESS;

    /**
     * The verdict policy: a dispositioned batch keeps its disposition, a batch not completed is in process, a batch
     * awaiting disposition that QA put on hold is ON_HOLD, and otherwise BLOCKED by any failing check, else
     * INCOMPLETE by any incomplete one, else READY.
     */
    static Verdict of(BatchStatus status, boolean onHold, List<ReadinessCheck> checks) {
        return switch (status) {
            case COMPLETED, UNDER_REVIEW -> onHold ? ON_HOLD : awaiting(checks);
            case RELEASED -> RELEASED;
            case REJECTED -> REJECTED;
            case PLANNED, IN_PROCESS -> IN_PROCESS;
        };
    }

    private static Verdict awaiting(List<ReadinessCheck> checks) {
        return checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL) ? BLOCKED
                : checks.stream().anyMatch(c -> c.status() == CheckStatus.INCOMPLETE) ? INCOMPLETE : READY;
    }
}
