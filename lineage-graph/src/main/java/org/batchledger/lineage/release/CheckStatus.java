package org.batchledger.lineage.release;

/** The outcome of one readiness check. */
public enum CheckStatus {
    /** The check holds. */
    PASS,
    /** The data shows a reason the batch must not be released (blocks). */
    FAIL,
    /** The data needed to decide is missing, cut or not yet there (work still to do). */
    INCOMPLETE
}
