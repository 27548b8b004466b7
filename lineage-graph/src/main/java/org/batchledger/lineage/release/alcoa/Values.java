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

    static String limits(Double lower, Double upper) {
        return "[" + (lower == null ? "-∞" : fmt(lower)) + ", " + (upper == null ? "+∞" : fmt(upper)) + "]";
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
