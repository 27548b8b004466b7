package org.batchledger.lineage.signature;

import java.time.Instant;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.Disposition.DispositionDecision;

/**
 * A request to disposition one batch.
 *
 * @param justification required unless every readiness check passes; when given, not blank
 * @param authenticatedAt when the releaser last authenticated, from the identity provider's signed token
 */
public record DispositionRequest(String batchKey, DispositionDecision decision, String justification, Actor actor,
                                 Instant authenticatedAt, String idempotencyKey) {
    public DispositionRequest {
        Objects.requireNonNull(batchKey, "batchKey");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        justification = justification == null || justification.isBlank() ? null : justification.strip();
    }
}
