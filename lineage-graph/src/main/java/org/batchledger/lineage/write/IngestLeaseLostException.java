package org.batchledger.lineage.write;

/**
 * A chunked ingest found its lease gone or taken over (it stopped renewing it for longer than the lease lasts, and
 * recovery removed what it had staged): the file is not ingested, and may be sent again.
 */
public class IngestLeaseLostException extends RuntimeException {
    public IngestLeaseLostException(String file, String owner) {
        super("the ingest of " + file + " lost the ledger's lease (now " + (owner == null ? "free" : "held by " + owner)
                + "); nothing of it is visible, send the file again");
    }
}
