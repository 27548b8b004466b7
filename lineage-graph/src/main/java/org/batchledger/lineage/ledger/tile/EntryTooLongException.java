package org.batchledger.lineage.ledger.tile;

/** An entry whose canonical bytes do not fit the entry bundle's uint16 length prefix; nothing was written. */
public final class EntryTooLongException extends IllegalArgumentException {
    private final long seq;

    public EntryTooLongException(long seq, int length) {
        super("ledger entry " + seq + " is " + length + " bytes long; an entry bundle holds at most "
                + EntryBundle.MAX_ENTRY + " bytes per entry");
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
