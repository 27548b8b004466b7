package org.batchledger.lineage.release.alcoa;

/** The batch to evaluate is not recorded (at the tree size asked for). */
public final class UnknownBatchException extends RuntimeException {
    public UnknownBatchException(String batchKey, long treeSize) {
        super("batch " + batchKey + " is not recorded" + (treeSize < 0 ? "" : " at tree size " + treeSize));
    }
}
