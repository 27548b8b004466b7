package org.batchledger.validation.trace;

/** One gap the gate fails the build on; {@code where} is a file and line, or a test class, as precise as known. */
public record Finding(Kind kind, String subject, String message, String where) implements Comparable<Finding> {

    /** What kind of gap. */
    public enum Kind {
        UNKNOWN_REQUIREMENT_ID, TEST_WITHOUT_REQUIREMENT, FAILED_TEST, HIGH_RISK_UNTESTED, NOT_COVERED
    }

    @Override
    public int compareTo(Finding o) {
        int c = kind.compareTo(o.kind);
        c = c != 0 ? c : subject.compareTo(o.subject);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return kind + " " + subject + ": " + message + (where.isEmpty() ? "" : " (" + where + ")");
    }
}
