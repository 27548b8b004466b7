package org.batchledger.lineage.signature;

import java.time.Instant;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.ExceptionDisposition.ExceptionDecision;

/**
 * A request to disposition one exception of a batch's review queue.
 *
 * @param exceptionId     the exception's stable id as reviewQueue shows it ({@code RX-…})
 * @param comment         why: the acceptance's comment, or why a deviation is raised; required
 * @param authenticatedAt when the reviewer last authenticated, from the identity provider's signed token
 */
public record ExceptionDispositionRequest(String batchKey, String exceptionId, ExceptionDecision decision,
                                          String comment, Actor actor, Instant authenticatedAt,
                                          String idempotencyKey) {
    public ExceptionDispositionRequest {
        Objects.requireNonNull(batchKey, "batchKey");
        Objects.requireNonNull(exceptionId, "exceptionId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }
}
