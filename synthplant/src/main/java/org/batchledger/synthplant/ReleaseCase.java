package org.batchledger.synthplant;

/**
 * The designed release verdict of one packaging batch awaiting disposition, and the one reason behind it. A
 * designed batch is clean in every other respect, so a readiness check that fails for a second reason is wrong
 * (or the generator is): see {@link SyntheticPlant#releaseSpread()}.
 */
public enum ReleaseCase {
    /** Everything clean, all signatures present: QA can release it. */
    READY("READY", null, "nothing stands in the way of release"),
    /** A release test out of specification; its investigation is closed (confirmed OOS), the QP's decision pending. */
    OOS_RESULT("BLOCKED", "OOS_RESULT", "the finished lot's dissolution result is out of specification"),
    /** A line-clearance deviation raised on the packaging batch is still open. */
    OPEN_DEVIATION("BLOCKED", "OPEN_DEVIATION", "a deviation impacting the packaging batch is still open"),
    /** A lactose lot still in QUARANTINE was dispensed into the order, five stages upstream of packaging. */
    UNRELEASED_UPSTREAM_LOT("BLOCKED", "UNRELEASED_MATERIAL",
            "a raw-material lot still in quarantine was consumed upstream"),
    /** The blister line was used after its calibration fell due. */
    EQUIPMENT_OUT_OF_CALIBRATION("BLOCKED", "EQUIPMENT_OUT_OF_CALIBRATION",
            "the blister line was used after its calibration was due"),
    /** The blister line was used after the hold time of its last cleaning had expired. */
    EQUIPMENT_CLEAN_HOLD_EXPIRED("BLOCKED", "EQUIPMENT_NOT_CLEAN",
            "the blister line was used after its clean hold time had expired"),
    /**
     * Performed and audit-trail reviewed, but no QA REVIEWED signature on the batch: a review still to be done, so
     * INCOMPLETE (nothing is wrong with the batch; someone has work to do), as the signature checks decide.
     */
    MISSING_REVIEW_SIGNATURE("INCOMPLETE", null, "the batch record carries no reviewer signature"),
    /** A release test (microbial count, which takes days to incubate) is still PENDING. */
    PENDING_TEST("INCOMPLETE", "PENDING_RESULT", "a release test of the finished lot is still pending"),
    /** Performed and reviewed, but nobody has signed the audit-trail review of the batch's records yet: INCOMPLETE. */
    AUDIT_TRAIL_REVIEW_MISSING("INCOMPLETE", "AUDIT_TRAIL_REVIEW", "the audit-trail review of the batch is missing");

    private final String verdict;
    private final String exceptionClass;
    private final String reason;

    ReleaseCase(String verdict, String exceptionClass, String reason) {
        this.verdict = verdict;
        this.exceptionClass = exceptionClass;
        this.reason = reason;
    }

    /** The {@code ReleaseVerdict} a readiness evaluation should give: READY, BLOCKED or INCOMPLETE. */
    public String verdict() {
        return verdict;
    }

    /** The review-by-exception class the reason shows up as, or null where it is no exception class. */
    public String exceptionClass() {
        return exceptionClass;
    }

    /** The one reason, in words. */
    public String reason() {
        return reason;
    }
}
