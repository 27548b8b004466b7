package org.batchledger.lineage.signature;

/** Lengths of free text a signed decision carries: enough for a reviewer's paragraph, not a pasted document. */
final class TextLimits {
    static final int COMMENT = 2000;
    /** A deviation title derived from an exception's reason is cut to this. */
    static final int TITLE = 200;

    private TextLimits() {
    }
}
