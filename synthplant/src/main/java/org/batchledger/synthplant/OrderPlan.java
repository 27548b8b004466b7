package org.batchledger.synthplant;

import java.time.Instant;
import java.util.Map;
import org.batchledger.schema.record.Batch.BatchStatus;

/**
 * One production order decided up front: which product on which line when, and what will go wrong, so that the
 * final disposition is known when the packaging batch is written.
 *
 * @param incidents the incidents of this order, each mapped to whether its deviation is still open
 * @param design    the designed release case of an order still awaiting disposition; null for a dispositioned one
 */
record OrderPlan(int index, int line, Product product, Instant start, Map<Incident, Boolean> incidents,
                 ReleaseCase design) {

    boolean has(Incident incident) {
        return incidents.containsKey(incident);
    }

    boolean is(ReleaseCase c) {
        return design == c;
    }

    BatchStatus disposition() {
        if (design != null) {
            return BatchStatus.UNDER_REVIEW;
        }
        // A confirmed (closed) OOS, on the finished lot or the blend, rejects the batch; other closed deviations were
        // resolved, so a released batch shows nothing a release check would block on.
        return has(Incident.DISSOLUTION_OOS) || has(Incident.BLEND_UNIFORMITY_OOS) ? BatchStatus.REJECTED
                : BatchStatus.RELEASED;
    }
}
