package org.batchledger.schema.record;

import java.time.Instant;

/**
 * QA's signed release decision on a batch: the decision, the justification, the signature that takes it, and the
 * genealogy snapshot the releaser saw (the tree size it was read at and SHA-256 hashes of the batch's sorted
 * upstream node keys and edges), so the same trace re-run as of {@code snapshotTreeSize} must give the same hashes.
 * RELEASED and REJECTED are written with the batch's and its lots' new status; a disposition is never corrected:
 * withdrawing its signature withdraws it.
 *
 * @param justification required unless every readiness check passed; null otherwise
 * @param failingChecks the readiness checks that did not pass at {@code snapshotTreeSize}, as {@code name: status};
 *                      empty when every check passed
 */
public record Disposition(String key, String batchKey, DispositionDecision decision, String justification,
                          java.util.List<String> failingChecks, String signatureKey,
                          long snapshotTreeSize, String upstreamNodesSha256, String upstreamEdgesSha256,
                          long upstreamNodeCount, long upstreamEdgeCount, Instant decidedAt, Provenance provenance)
        implements LedgerRecord {
    public enum DispositionDecision { RELEASED, CONDITIONALLY_RELEASED, ON_HOLD, REJECTED }

    public Disposition {
        failingChecks = java.util.List.copyOf(failingChecks);
        decidedAt = Instants.millis(decidedAt);
    }

    /** Whether every readiness check passed when the disposition was taken. */
    public boolean ready() {
        return failingChecks.isEmpty();
    }

    @Override
    public RecordType type() {
        return RecordType.DISPOSITION;
    }
}
