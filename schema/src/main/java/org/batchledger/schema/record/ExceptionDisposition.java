package org.batchledger.schema.record;

import java.time.Instant;

/**
 * QA's signed decision on one exception of a batch's review queue. Exceptions are derived, not stored, so the
 * decision binds both the exception's stable id and the evidence it was raised on ({@code evidenceSha256}: the
 * exception's class and reason with the content hash of each record behind it); once any of those records changes,
 * the exception's evidence hash changes and this decision no longer covers it. Never corrected: withdrawing its
 * signature withdraws it.
 *
 * @param exceptionClass the exception's class when decided, e.g. {@code OOS_RESULT}
 * @param comment        the reviewer's comment (ACCEPT) or why a deviation is raised (RAISE_DEVIATION)
 * @param deviationKey   the deviation raised with it (RAISE_DEVIATION); else null
 * @param signatureKey   key of the {@link Signature} on this record
 */
public record ExceptionDisposition(String key, String batchKey, String exceptionId, String exceptionClass,
                                   String evidenceSha256, ExceptionDecision decision, String comment,
                                   String deviationKey, String signatureKey, Instant decidedAt, Provenance provenance)
        implements LedgerRecord {
    public enum ExceptionDecision { ACCEPT, RAISE_DEVIATION }

    public ExceptionDisposition {
        decidedAt = Instants.millis(decidedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.EXCEPTION_DISPOSITION;
    }
}
