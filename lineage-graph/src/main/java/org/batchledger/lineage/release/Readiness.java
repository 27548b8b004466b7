package org.batchledger.lineage.release;

import java.util.List;
import org.batchledger.schema.record.Batch;

/**
 * The readiness of one batch at one tree size: the verdict and every check, in a fixed order. {@code ready} only
 * when the batch awaits disposition and every check passes (the verdict is READY).
 */
public record Readiness(Batch batch, Long treeSize, Verdict verdict, List<ReadinessCheck> checks) {
    public Readiness {
        checks = List.copyOf(checks);
    }

    public boolean ready() {
        return verdict == Verdict.READY;
    }
}
