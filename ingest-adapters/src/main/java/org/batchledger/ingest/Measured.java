package org.batchledger.ingest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * A result as a source wrote it, read by the convention of {@link org.batchledger.schema.record.TestResult}: a number
 * ({@code 7.400}, significant digits kept), a qualified number ({@code <0.05}), a qualifier alone ({@code <LOQ},
 * {@code >ULOQ}, {@code ND}), nothing, or words where a number belongs ({@code Error}, {@code see comment}) — the
 * last is never turned into a zero. Shared by the adapters whose sources write results as text (LIMS CSV, B2MML,
 * BatchML).
 *
 * @param value     the number as plain decimal text (decimal point), null when none
 * @param number    the number, null when none
 * @param qualifier null for a plain number; {@code <}, {@code <=}, {@code >}, {@code >=} before a number; or a limit
 *                  word with the comparison the source gave ({@code <LOQ}, {@code ND}, upper case)
 * @param words     the text when it held words where a number belongs, else null
 * @param raw       the value exactly as written, null when nothing was
 */
public record Measured(String value, BigDecimal number, String qualifier, String words, String raw) {
    private static final Set<String> TOKENS = Set.of("LOQ", "LLOQ", "ULOQ", "LOD", "BLQ", "ALQ", "ND", "NQ");
    private static final String[] OPERATORS = {"<=", ">=", "≤", "≥", "<", ">"};

    static final Measured EMPTY = new Measured(null, null, null, null, null);

    /** A plain number, no qualifier. */
    public boolean isNumber() {
        return number != null && qualifier == null;
    }

    /** Whether there is anything to read: a number or a qualifier (words are not). */
    public boolean isPresent() {
        return value != null || qualifier != null;
    }

    /** A result written in one piece with a decimal point ({@code <0.05}, {@code 7.4}, {@code ND}). */
    public static Measured of(String text) {
        return of(text, null, false);
    }

    /** A value cell with, where the source has one, a qualifier cell of its own. */
    public static Measured of(String valueCell, String qualifierCell, boolean decimalComma) {
        String raw = valueCell == null || valueCell.isBlank() ? null : valueCell;
        String value = raw == null ? "" : raw.strip();
        String q = qualifierCell == null ? "" : qualifierCell.strip();
        String op = operator(q);
        String qualifierRest = op == null ? q : q.substring(op.length()).strip();
        Measured m;
        if (value.isEmpty()) {
            m = q.isEmpty() ? EMPTY : qualified(op, qualifierRest, decimalComma, q);
        } else if (op != null) {
            m = qualified(op, value, decimalComma, q + value);
            m = m.number != null ? m : qualified(op, qualifierRest, decimalComma, q + " " + value);
        } else {
            String inner = operator(value);
            m = inner != null ? qualified(inner, value.substring(inner.length()).strip(), decimalComma, value)
                    : qualified(null, value, decimalComma, value);
        }
        return new Measured(m.value, m.number, m.qualifier, m.words, raw);
    }

    private static Measured qualified(String op, String rest, boolean decimalComma, String cell) {
        String symbol = op == null ? null : normalise(op);
        if (TOKENS.contains(rest.toUpperCase(Locale.ROOT))) {
            return new Measured(null, null, (symbol == null ? "" : symbol) + rest.toUpperCase(Locale.ROOT), null, null);
        }
        BigDecimal n = number(rest, decimalComma);
        if (n == null) {
            return new Measured(null, null, null, cell, null);
        }
        String digits = decimalComma ? rest.replace(',', '.') : rest;
        return new Measured(digits.startsWith("+") ? digits.substring(1) : digits, n, symbol, null, null);
    }

    /** Plain decimal notation only: BigDecimal refuses NaN, Infinity, hex and type suffixes that Double accepts. */
    public static BigDecimal number(String text, boolean decimalComma) {
        String t = text.strip();
        if (decimalComma) {
            if (t.indexOf('.') >= 0) {
                return null;
            }
            t = t.replace(',', '.');
        }
        if (t.isEmpty() || t.length() > 64 || t.indexOf(',') >= 0) {
            return null;
        }
        try {
            return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String operator(String s) {
        for (String op : OPERATORS) {
            if (s.startsWith(op)) {
                return op;
            }
        }
        return null;
    }

    private static String normalise(String op) {
        return switch (op) {
            case "≤" -> "<=";
            case "≥" -> ">=";
            default -> op;
        };
    }
}
