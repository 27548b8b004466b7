package org.batchledger.ingest.lims;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Result times: ISO-8601 (or the mapping's pattern) with an offset or zone; a time without one is an error unless
 * the mapping names the zone, because guessing it would move every result by hours.
 */
final class CsvTimes {
    /** Why a time cell could not be read: {@code CSV-DATE} or {@code CSV-TIME-ZONE}. */
    static final class Problem extends Exception {
        final String rule;

        Problem(String rule, String message) {
            super(message, null, false, false);
            this.rule = rule;
        }
    }

    private CsvTimes() {
    }

    static Instant parse(String text, DateTimeFormatter pattern, ZoneId zone) throws Problem {
        DateTimeFormatter f = pattern == null ? DateTimeFormatter.ISO_DATE_TIME : pattern;
        TemporalAccessor t;
        try {
            t = f.parseBest(text.strip(), ZonedDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new Problem("CSV-DATE", "'" + text + "' is not a date-time"
                    + (pattern == null ? " in ISO-8601 (e.g. 2026-03-01T08:15:00+01:00)" : " of the mapping's pattern"));
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (zone == null) {
            throw new Problem("CSV-TIME-ZONE", "'" + text + "' has no offset or zone and the mapping names none "
                    + "(give the time as e.g. 2026-03-01T08:15:00+01:00, or 'zone:' in the mapping)");
        }
        return ((LocalDateTime) t).atZone(zone).toInstant();
    }
}
