package org.batchledger.lineage.ledger.checkpoint;

/**
 * The database's ledger is not an extension of the last checkpoint the hub signed and kept: its history was
 * rewritten or cut short (or the kept log is damaged). The hub refuses to sign until an operator has resolved it.
 */
public final class LedgerInconsistentException extends RuntimeException {
    public LedgerInconsistentException(String message) {
        super(message);
    }

    static LedgerInconsistentException with(CheckpointStatus status) {
        return new LedgerInconsistentException("refusing to sign a checkpoint: " + status.detail());
    }
}
