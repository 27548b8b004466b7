package org.batchledger.lineage.ledger.checkpoint;

/**
 * The database's ledger head against the last kept checkpoint, as readiness reports it.
 *
 * @param keptSize the last kept checkpoint's size, -1 when none is kept yet
 * @param detail   a sentence naming both sizes and roots and what is wrong, or that they agree
 */
public record CheckpointStatus(boolean consistent, long keptSize, String keptRoot, long headSize, String headRoot,
                               String detail) {
}
