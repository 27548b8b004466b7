package org.batchledger.hub.ledger;

import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Reconciles the checkpoint log with the database before the server opens, so a crash between the two writes of
 * a signing is repaired (or reported) before anyone asks for a checkpoint. Problems are logged and shown on
 * readiness; they never stop the hub from serving reads.
 */
@Component
class CheckpointReconciliationAtStart implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointReconciliationAtStart.class);
    private final Checkpoints checkpoints;

    CheckpointReconciliationAtStart(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            checkpoints.reconcile();
        } catch (RuntimeException e) {
            // e.g. Neo4j unreachable for a moment: the first checkpoint request reconciles instead
            LOG.error("Checkpoint reconciliation at start failed; it runs again before the first signature", e);
        }
    }
}
