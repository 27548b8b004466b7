package org.batchledger.lineage.write;

import java.time.Instant;

/**
 * A write waited for the ledger head longer than it may while a large file's ingest held the head's lease: the
 * write is refused (nothing written) and may be sent again once that ingest is done.
 */
public class LedgerBusyException extends RuntimeException {
    private final String file;
    private final Instant since;

    public LedgerBusyException(String file, Instant since, String owner) {
        super("ledger busy: ingest of " + file + " in progress (since " + since + ", by " + owner + ")");
        this.file = file;
        this.since = since;
    }

    /** The file whose ingest holds the ledger. */
    public String file() {
        return file;
    }

    public Instant since() {
        return since;
    }
}
