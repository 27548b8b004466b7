package org.batchledger.lineage.release;

/**
 * The classes of review by exception (the contract's list). Which of them the data can show today is said per
 * class; the others are reserved for sources that record them (a forced or aborted step, an operator comment).
 */
public enum ExceptionClass {
    /** A result outside its specification. */
    OOS_RESULT,
    /** Reserved: no trend data is recorded yet. */
    OOT_RESULT,
    /** A result still pending. */
    PENDING_RESULT,
    /** A deviation impacting the batch, its output or anything upstream that is not closed. */
    OPEN_DEVIATION,
    /** A deviation impacting the batch opened after the batch had ended. */
    LATE_DEVIATION,
    /** A lot consumed after its expiry. */
    EXPIRED_MATERIAL,
    /** A lot consumed that was not released (QUARANTINE, IN_PROCESS, REJECTED). */
    UNRELEASED_MATERIAL,
    /** Equipment used outside its clean hold time or without a cleaning. */
    EQUIPMENT_NOT_CLEAN,
    /** Equipment used past its calibration due date, after a failed calibration, or never calibrated. */
    EQUIPMENT_OUT_OF_CALIBRATION,
    /** A step record or test result entered by hand in the hub rather than from a system. */
    MANUAL_ENTRY,
    /** A record of the batch corrected (a new version with a reason). */
    CORRECTION,
    /** A step record captured long after the event it records. */
    LATE_ENTRY,
    /** A step of the master recipe executed before a step that precedes it. */
    STEP_OUT_OF_ORDER,
    /** Reserved: operator comments are not recorded yet. */
    COMMENT,
    /** Reserved: step states are not recorded yet. */
    ABORTED_STEP,
    /** Reserved: step states are not recorded yet. */
    FORCED_STEP,
    /** Reserved: results naming a sample of the batch that is not linked are found by the ingest feature. */
    UNLINKED_RESULT,
    /** Corrections of the batch's records since its last audit-trail review. */
    AUDIT_TRAIL_REVIEW
}
