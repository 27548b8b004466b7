package org.batchledger.lineage.ledger;

/** A ledger read asked for something outside the ledger (a size beyond it, a negative sequence number). */
public final class LedgerArgumentException extends IllegalArgumentException {
    private final String argument;

    public LedgerArgumentException(String argument, String message) {
        super("argument '" + argument + "' " + message);
        this.argument = argument;
    }

    /** The name of the offending argument, as the API calls it. */
    public String argument() {
        return argument;
    }
}
