package org.batchledger.synthplant;

import java.util.Locale;

/**
 * A measured parameter or test with its limits, as a batch-record step or a LIMS test specifies it. Values are
 * recorded as text, as the instrument or operator wrote them. A measure without limits is a pass/fail check whose
 * value is {@code Conforms}.
 *
 * @param spread how far values wander from target, as a fraction of the half-width of the limits
 */
record Measure(String name, String method, String unit, Double lower, Double upper, double target, double spread,
               int decimals) {

    static Measure check(String name, String method) {
        return new Measure(name, method, null, null, null, 0, 0, 0);
    }

    static Measure range(String name, String method, String unit, double lower, double upper, int decimals) {
        return new Measure(name, method, unit, lower, upper, (lower + upper) / 2, 0.6, decimals);
    }

    /** One-sided limit (e.g. dissolution: not less than), target well inside. */
    static Measure atLeast(String name, String method, String unit, double lower, double target, int decimals) {
        return new Measure(name, method, unit, lower, null, target, 0.0, decimals);
    }

    static Measure atMost(String name, String method, String unit, double upper, double target, int decimals) {
        return new Measure(name, method, unit, null, upper, target, 0.0, decimals);
    }

    String sample(Dice dice, boolean outOfLimits) {
        if (lower == null && upper == null) {
            return outOfLimits ? "Does not conform" : "Conforms";
        }
        return format(outOfLimits ? outside(dice) : inside(dice));
    }

    private double inside(Dice dice) {
        if (lower != null && upper != null) {
            return target + dice.bell() * spread * (upper - lower) / 2;
        }
        double room = lower != null ? target - lower : upper - target;
        return target + dice.bell() * room * 0.5;
    }

    private double outside(Dice dice) {
        double margin = Math.abs(target) * dice.between(0.02, 0.08) + Math.pow(10, -decimals);
        return upper != null && (lower == null || dice.chance(0.5)) ? upper + margin : lower - margin;
    }

    private String format(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
