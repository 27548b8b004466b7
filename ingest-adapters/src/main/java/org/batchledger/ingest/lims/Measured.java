package org.batchledger.ingest.lims;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * A result cell as recorded: a number ({@code 7.400}, significant digits kept), a qualified number
 * ({@code <0.05}), a qualifier alone ({@code <LOQ}, {@code >ULOQ}, {@code ND}), nothing, or words where a number
 * belongs ({@code Error}, {@code see comment}) — the last is never turned into a zero.
 *
 * @param text      what the result records as its value; null when empty or words
 * @param number    the numeric part, null when none
 * @param qualifier {@code <}, {@code >}, {@code <=}, {@code >=} or null
 * @param words     the cell's text when it held words where a number belongs, else null
 */
record Measured(String text, BigDecimal number, String qualifier, String words) {
    private static final Set<String> TOKENS = Set.of("LOQ", "LLOQ", "ULOQ", "LOD", "BLQ", "ALQ", "ND", "NQ");
    private static final String[] OPERATORS = {"<=", ">=", "≤", "≥", "<", ">"};

    static final Measured EMPTY = new Measured(null, null, null, null);

    boolean isNumber() {
        return number != null && qualifier == null;
    }

    static Measured of(String valueCell, String qualifierCell, boolean decimalComma) {
        String value = valueCell == null ? "" : valueCell.strip();
        String q = qualifierCell == null ? "" : qualifierCell.strip();
        String op = operator(q);
        String qualifierRest = op == null ? q : q.substring(op.length()).strip();
        if (value.isEmpty()) {
            return q.isEmpty() ? EMPTY : qualified(op, qualifierRest, decimalComma, q);
        }
        if (op != null) {
            Measured m = qualified(op, value, decimalComma, q + value);
            return m.number != null ? m : qualified(op, qualifierRest, decimalComma, q + " " + value);
        }
        String inner = operator(value);
        return inner != null ? qualified(inner, value.substring(inner.length()).strip(), decimalComma, value)
                : qualified(null, value, decimalComma, value);
    }

    private static Measured qualified(String op, String rest, boolean decimalComma, String cell) {
        String symbol = op == null ? null : normalise(op);
        String prefix = symbol == null ? "" : symbol;
        if (TOKENS.contains(rest.toUpperCase(Locale.ROOT))) {
            return new Measured(prefix + rest.toUpperCase(Locale.ROOT), null, symbol == null ? "=" : symbol, null);
        }
        BigDecimal n = number(rest, decimalComma);
        if (n == null) {
            return new Measured(null, null, null, cell);
        }
        String digits = decimalComma ? rest.replace(',', '.') : rest;
        return new Measured(prefix + digits, n, symbol, null);
    }

    /** Plain decimal notation only: BigDecimal refuses NaN, Infinity, hex and type suffixes that Double accepts. */
    static BigDecimal number(String text, boolean decimalComma) {
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
