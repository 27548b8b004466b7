package org.batchledger.lineage.ledger;

/** Stored entry bytes that are not the canonical encoding of a ledger entry. */
public final class EntryDecodeException extends RuntimeException {
    private final long seq;

    public EntryDecodeException(long seq, String reason) {
        super("ledger entry " + seq + " is not a canonical entry: " + reason);
        this.seq = seq;
    }

    /** The sequence number the entry stands at in the log. */
    public long seq() {
        return seq;
    }
}
