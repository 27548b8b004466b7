package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;

/**
 * A request to take one transition of a record's workflow (a deviation's, a CAPA's).
 *
 * @param recordKey       the key of the deviation or CAPA
 * @param rootCause       the investigation's root cause (deviation transitions that require one)
 * @param capaReference   the CAPA's key in the hub or its reference in the quality system (where required)
 * @param classification  the deviation's classification (transitions that classify), e.g. EQUIPMENT
 * @param authenticatedAt when the caller last authenticated, from their signed token (null: unknown)
 * @param assessment      a change's impact assessment (change-control transitions that assess), else null
 */
public record TransitionRequest(String recordKey, String transition, String reason, String rootCause,
                                String capaReference, String classification, ChangeAssessment assessment, Actor actor,
                                Instant authenticatedAt, String idempotencyKey) {
    public TransitionRequest {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A transition that assesses no change. */
    public TransitionRequest(String recordKey, String transition, String reason, String rootCause,
                             String capaReference, String classification, Actor actor, Instant authenticatedAt,
                             String idempotencyKey) {
        this(recordKey, transition, reason, rootCause, capaReference, classification, null, actor, authenticatedAt,
                idempotencyKey);
    }

    /** A change-control, cleaning or calibration transition: a reason and, where it assesses, the assessment. */
    public static TransitionRequest of(String recordKey, String transition, String reason,
                                       ChangeAssessment assessment, Actor actor, Instant authenticatedAt,
                                       String idempotencyKey) {
        return new TransitionRequest(recordKey, transition, reason, null, null, null, assessment, actor,
                authenticatedAt, idempotencyKey);
    }

    /** A transition that classifies nothing. */
    public TransitionRequest(String recordKey, String transition, String reason, String rootCause,
                             String capaReference, Actor actor, Instant authenticatedAt, String idempotencyKey) {
        this(recordKey, transition, reason, rootCause, capaReference, null, null, actor, authenticatedAt,
                idempotencyKey);
    }
}
