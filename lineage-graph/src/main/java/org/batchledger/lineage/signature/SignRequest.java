package org.batchledger.lineage.signature;

import java.time.Instant;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * A request to sign one record.
 *
 * @param contentHash     the version the signer saw, if the client names it; null: the current version
 * @param reason          optional; when given, not blank
 * @param authenticatedAt when the signer last authenticated, from the identity provider's signed token (null: unknown)
 */
public record SignRequest(RecordRef record, SignatureMeaning meaning, String reason, String contentHash, Actor actor,
                          Instant authenticatedAt, String idempotencyKey) {
    public SignRequest {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
