package org.batchledger.hub.evidence.report;

/**
 * A checkpoint as printed: its tree size, root and the signed note's text (with its signature and cosignature lines).
 *
 * @param size     the tree size
 * @param rootHex  the root hash, lower-case hex (the one way roots are written in the package)
 * @param noteText the C2SP signed note, verbatim
 */
public record ReportCheckpoint(long size, String rootHex, String noteText) {
}
