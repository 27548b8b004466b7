package org.batchledger.lineage.write;

/**
 * An idempotency key already committed a request with other content. Nothing was written; the caller reused a
 * key it must not reuse (a retry sends the same content, a new request a new key).
 */
public final class IdempotencyConflictException extends RuntimeException {
    private final String idempotencyKey;

    public IdempotencyConflictException(String idempotencyKey) {
        super("idempotency key '" + idempotencyKey + "' was already used for a request with other content; "
                + "nothing was written");
        this.idempotencyKey = idempotencyKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
