package org.batchledger.lineage.release.alcoa;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Reading recorded values the way the rules need: a plain decimal number, or not a number. */
final class Values {
    // a decimal with optional sign and exponent, nothing else: "12.5", "-0.3", "1.2E-3"; not "12,5" or "<0.1"
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Values() {
    }

    static OptionalDouble number(String value) {
        if (value == null || !DECIMAL.matcher(value.strip()).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(value.strip()));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static boolean within(double value, Double lower, Double upper) {
        return (lower == null || value >= lower) && (upper == null || value <= upper);
    }

    /**
     * Whether a result bounded by its qualifier ({@code <}, {@code <=}, {@code >}, {@code >=} before {@code bound})
     * lies within the limits: true or false where the bound decides it ({@code <0.05} under an upper limit of 0.1 with
     * no lower one is within; {@code <90} under a lower limit of 95 is outside), null where it cannot.
     */
    static Boolean within(String qualifier, double bound, Double lower, Double upper) {
        boolean orEqual = qualifier.endsWith("=");
        if (qualifier.startsWith("<")) {
            if (lower != null && (orEqual ? bound < lower : bound <= lower)) {
                return false;
            }
            return lower == null && upper != null && bound <= upper ? Boolean.TRUE : null;
        }
        if (qualifier.startsWith(">")) {
            if (upper != null && (orEqual ? bound > upper : bound >= upper)) {
                return false;
            }
            return upper == null && lower != null && bound >= lower ? Boolean.TRUE : null;
        }
        return null;
    }

    static String limits(Double lower, Double upper) {
        return "[" + (lower == null ? "-∞" : fmt(lower)) + ", " + (upper == null ? "+∞" : fmt(upper)) + "]";
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
