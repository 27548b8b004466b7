package org.batchledger.lineage.ledger;

import java.time.Month;
import java.time.Year;
import org.batchledger.schema.json.CanonicalJson;

/**
 * The canonical text of a stored instant: {@code formatInstant(parseInstant(text))}. Entries are stored with the
 * fixed-width text the canonical form uses ({@code 2026-01-31T08:15:00.000Z}), so for a valid date and time in
 * that shape the round trip is the identity and the stored text is used as it is, with no parsing into objects.
 * Anything else (another shape, an invalid date) takes the round trip, which re-formats or refuses it.
 */
final class StoredInstant {
    private static final int LENGTH = 24;

    private StoredInstant() {
    }

    static String canonical(String text) {
        return isCanonical(text) ? text : CanonicalJson.formatInstant(CanonicalJson.parseInstant(text));
    }

    static boolean isCanonical(String t) {
        if (t.length() != LENGTH || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != '.' || t.charAt(23) != 'Z') {
            return false;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 2);
        int day = number(t, 8, 2);
        return year >= 0 && month >= 1 && month <= 12 && day >= 1
                && day <= Month.of(month).length(Year.isLeap(year)) && between(number(t, 11, 2), 23)
                && between(number(t, 14, 2), 59) && between(number(t, 17, 2), 59) && between(number(t, 20, 3), 999);
    }

    private static boolean between(int value, int max) {
        return value >= 0 && value <= max;
    }

    /** The decimal number of {@code width} ASCII digits at {@code at}, or -1 if any is not a digit. */
    private static int number(String s, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }
}
