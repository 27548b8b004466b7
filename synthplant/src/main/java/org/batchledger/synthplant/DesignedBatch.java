package org.batchledger.synthplant;

/**
 * A packaging batch the generator left awaiting disposition on purpose, with the verdict it was designed to get.
 *
 * @param batchKey       the packaging batch (status UNDER_REVIEW)
 * @param finishedLotKey the finished lot it produced (QUARANTINE until disposition)
 * @param orderIndex     the production order, 0 being the oldest
 * @param line           the production line, 0-based
 */
public record DesignedBatch(String batchKey, String finishedLotKey, String productKey, int orderIndex, int line,
                            ReleaseCase releaseCase) {
}
