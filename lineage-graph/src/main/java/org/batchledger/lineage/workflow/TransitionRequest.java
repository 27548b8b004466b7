package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;

/**
 * A request to take one transition of a deviation's workflow.
 *
 * @param rootCause       the investigation's root cause (closing)
 * @param capaReference   the CAPA's reference in the quality system (closing, where the severity requires one)
 * @param authenticatedAt when the caller last authenticated, from their signed token (null: unknown)
 */
public record TransitionRequest(String deviationKey, String transition, String reason, String rootCause,
                                String capaReference, Actor actor, Instant authenticatedAt, String idempotencyKey) {
    public TransitionRequest {
        Objects.requireNonNull(deviationKey, "deviationKey");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
