package org.batchledger.validation.trace;

/** A requirement's state in the report. */
public enum Verdict {
    /** At least one passing test and no failing one. */
    VERIFIED,
    /** No passing test, but a written rationale (never enough for a high-risk requirement). */
    RATIONALE,
    /** Not built yet; tests are not demanded. */
    PLANNED,
    /** A failing test, or high risk without a passing test, or nothing covers it. */
    GAP;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
