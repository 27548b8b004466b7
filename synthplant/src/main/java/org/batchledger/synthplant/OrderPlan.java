package org.batchledger.synthplant;

import java.time.Instant;
import java.util.Map;
import org.batchledger.schema.record.Batch.BatchStatus;

/**
 * One production order decided up front: which product on which line when, and what will go wrong, so that the
 * final disposition is known when the packaging batch is written.
 *
 * @param incidents the incidents of this order, each mapped to whether its deviation is still open
 * @param lastOnLine the newest order of its line, still awaiting QA review
 */
record OrderPlan(int index, int line, Product product, Instant start, Map<Incident, Boolean> incidents,
                 boolean lastOnLine) {

    boolean has(Incident incident) {
        return incidents.containsKey(incident);
    }

    BatchStatus disposition() {
        if (lastOnLine || incidents.containsValue(Boolean.TRUE)) {
            return BatchStatus.UNDER_REVIEW;
        }
        // A confirmed (closed) dissolution OOS rejects the batch; other closed deviations were resolved.
        return has(Incident.DISSOLUTION_OOS) ? BatchStatus.REJECTED : BatchStatus.RELEASED;
    }
}
