package org.batchledger.lineage.ledger.proof;

/** The hub's signing key cannot be loaded or created; the hub must not start signing with another key. */
public class HubKeyException extends RuntimeException {
    public HubKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
