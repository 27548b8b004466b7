package org.batchledger.ingest.b2mml;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** xsd:dateTime and numbers as B2MML carries them, read strictly: a time needs its zone, a number is a number. */
public final class XmlValues {
    private XmlValues() {
    }

    /**
     * An xsd:dateTime with zone or offset; null (and a problem) when it has none or is not a time.
     *
     * @param dateAllowed an xsd:date alone (expiry dates) is taken as the start of that day in UTC, with a warning
     */
    public static Instant time(String text, String locator, String field, boolean dateAllowed, Findings f) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // fall through: tell a missing zone from a date alone from garbage
        }
        if (dateAllowed && text.length() == 10) {
            try {
                Instant day = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                f.warn(locator, field, "TIME-DATE-ONLY", "'" + text + "' is a date without a time; taken as "
                        + day + " (start of the day, UTC)");
                return day;
            } catch (DateTimeParseException notADate) {
                // reported below
            }
        }
        boolean noZone = text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
        f.problem(locator, field, noZone ? "TIME-ZONE" : "TIME-FORMAT", noZone
                ? "time '" + text + "' has no zone or offset; the instant cannot be known"
                : "'" + shorten(text) + "' is not an xsd:dateTime");
        return null;
    }

    /** A decimal number with a point; null (and a problem) otherwise: never a guessed value. */
    public static Double number(String text, String locator, String field, Findings f) {
        if (text == null) {
            return null;
        }
        Double d = parse(text);
        if (d == null) {
            f.problem(locator, field, "NUMBER", "'" + shorten(text) + "' is not a number");
        }
        return d;
    }

    /** A finite decimal number (xsd:decimal or xsd:double text), else null; no hex, no NaN, no decimal comma. */
    public static Double parse(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?")) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    public static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
