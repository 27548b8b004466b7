package org.batchledger.hub.ledger;

import org.batchledger.lineage.ledger.checkpoint.CheckpointStatus;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The database's ledger head is an extension of the last checkpoint the hub kept. When it is not (history
 * rewritten or cut short), the hub refuses to sign and readiness is OUT_OF_SERVICE; the details (both sizes and
 * roots, shown where {@code management.endpoint.health.show-details} allows) and the log say why.
 */
@Component("ledgerCheckpoint")
class CheckpointHealthIndicator implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointHealthIndicator.class);
    private final Checkpoints checkpoints;
    private volatile boolean wasConsistent = true;

    CheckpointHealthIndicator(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public Health health() {
        CheckpointStatus status;
        try {
            status = checkpoints.status();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        if (status.consistent() != wasConsistent) {
            wasConsistent = status.consistent();
            if (status.consistent()) {
                LOG.info("Ledger consistent with the kept checkpoint again: {}", status.detail());
            } else {
                LOG.error("Ledger NOT consistent with the kept checkpoint, refusing to sign: {}", status.detail());
            }
        }
        return Health.status(status.consistent() ? Status.UP : Status.OUT_OF_SERVICE)
                .withDetail("keptSize", status.keptSize()).withDetail("headSize", status.headSize())
                .withDetail("detail", status.detail()).build();
    }
}
