package org.batchledger.schema.record;

import java.time.Instant;

/**
 * One signed step of a quality workflow (a deviation's, CAPA's, change control's, cleaning's or calibration's):
 * which record, which workflow and transition, from which state to which, and what the step requires (closing a deviation: a root
 * cause and, where required, a CAPA reference). The record's new version (its new status) and the signature on it
 * are written with it, in one ledgered command; the transition itself is never corrected.
 *
 * @param record        the record whose state changed (its version before is {@code fromState})
 * @param signatureKey  key of the {@link Signature} that signed this step (on the record's new version)
 * @param rootCause     the investigation's root cause, where the transition requires one; else null
 * @param capaReference the CAPA that addresses it, where required; else null
 */
public record WorkflowTransition(String key, RecordRef record, String workflow, String transition, String fromState,
                                 String toState, String rootCause, String capaReference, String reason,
                                 String signatureKey, Instant transitionedAt, Provenance provenance)
        implements LedgerRecord {
    public WorkflowTransition {
        transitionedAt = Instants.millis(transitionedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.WORKFLOW_TRANSITION;
    }
}
