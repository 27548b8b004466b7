package org.batchledger.ingest.lims;

import java.math.BigDecimal;
import java.util.Locale;
import org.batchledger.ingest.Measured;
import org.batchledger.schema.record.TestResult.TestOutcome;

/**
 * The outcome of a result when the file states none: PASS inside the limits, OOS outside (limits inclusive);
 * a qualified value decides only where it cannot be wrong ({@code <0.05} under an upper limit of 0.1 with no lower
 * limit passes; {@code >2.0} over an upper limit of 2.0 is OOS); anything else is left PENDING for review. No
 * limits, or no value: no outcome (null) — the hub never makes one up.
 */
final class OutcomePolicy {
    private OutcomePolicy() {
    }

    static TestOutcome decide(Measured m, BigDecimal lower, BigDecimal upper) {
        if ((lower == null && upper == null) || !m.isPresent()) {
            return null;
        }
        if (m.isNumber()) {
            boolean out = (lower != null && m.number().compareTo(lower) < 0)
                    || (upper != null && m.number().compareTo(upper) > 0);
            return out ? TestOutcome.OOS : TestOutcome.PASS;
        }
        if (m.number() != null && m.qualifier().startsWith("<") && lower == null && upper != null
                && m.number().compareTo(upper) <= 0) {
            return TestOutcome.PASS;
        }
        if (m.number() != null && m.qualifier().startsWith(">") && upper != null && m.number().compareTo(upper) >= 0) {
            return TestOutcome.OOS;
        }
        return TestOutcome.PENDING;
    }

    /** The outcome as the file states it; FAIL and OOT are read as OOS. Null when the cell says nothing known. */
    static TestOutcome stated(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return switch (cell.strip().toUpperCase(Locale.ROOT)) {
            case "PASS", "PASSED", "CONFORMS", "OK" -> TestOutcome.PASS;
            case "OOS", "FAIL", "FAILED", "OOT" -> TestOutcome.OOS;
            case "PENDING" -> TestOutcome.PENDING;
            case "INVALIDATED", "INVALID" -> TestOutcome.INVALIDATED;
            default -> null;
        };
    }
}
