package org.batchledger.hub.ledger;

import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Reconciles the checkpoint log with the database before the server opens, so a crash between the two writes of
 * a signing is repaired (or reported) before anyone asks for a checkpoint. Problems are logged and shown on
 * readiness; they never stop the hub from serving reads.
 */
@Component
class CheckpointReconciliationAtStart implements SmartInitializingSingleton {
    private final Checkpoints checkpoints;

    CheckpointReconciliationAtStart(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public void afterSingletonsInstantiated() {
        checkpoints.reconcile();
    }
}
