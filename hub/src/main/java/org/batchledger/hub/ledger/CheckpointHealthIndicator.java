package org.batchledger.hub.ledger;

import org.batchledger.lineage.ledger.checkpoint.CheckpointStatus;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The database's ledger head is an extension of the last checkpoint the hub kept. When it is not (history
 * rewritten or cut short), the hub refuses to sign and readiness is OUT_OF_SERVICE with both sizes and roots.
 */
@Component("ledgerCheckpoint")
class CheckpointHealthIndicator implements HealthIndicator {
    private final Checkpoints checkpoints;

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
        return Health.status(status.consistent() ? Status.UP : Status.OUT_OF_SERVICE)
                .withDetail("keptSize", status.keptSize()).withDetail("headSize", status.headSize())
                .withDetail("detail", status.detail()).build();
    }
}
