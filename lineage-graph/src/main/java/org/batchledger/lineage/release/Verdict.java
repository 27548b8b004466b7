package org.batchledger.lineage.release;

import java.util.List;
import org.batchledger.schema.record.Batch.BatchStatus;

/** Where a batch stands for release, as the release queue sorts it. */
public enum Verdict {
    READY, BLOCKED, INCOMPLETE, RELEASED, REJECTED,
    /** Reserved for a QA hold (the signatures issue); the data has no hold status yet, so it is never derived. */
    ON_HOLD,
    IN_PROCESS;

    /**
     * The verdict policy: a dispositioned batch keeps its disposition, a batch not completed is in process, and a
     * batch awaiting disposition is BLOCKED by any failing check, else INCOMPLETE by any incomplete one, else READY.
     */
    static Verdict of(BatchStatus status, List<ReadinessCheck> checks) {
        return switch (status) {
            case RELEASED -> RELEASED;
            case REJECTED -> REJECTED;
            case PLANNED, IN_PROCESS -> IN_PROCESS;
            case COMPLETED, UNDER_REVIEW -> checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL) ? BLOCKED
                    : checks.stream().anyMatch(c -> c.status() == CheckStatus.INCOMPLETE) ? INCOMPLETE : READY;
        };
    }
}
