package org.batchledger.schema.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The one JSON-B instance of the hub and the RFC 8785 canonical bytes that content hashes are taken over.
 *
 * <p>Instants are written with a fixed width ({@code 2026-01-31T08:15:00.000Z}) so that stored text sorts as time
 * does; record references are written as their {@code Label:key} text.
 */
public final class CanonicalJson {
    static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withAdapters(new InstantText(), new RecordRefText()));

    private CanonicalJson() {
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    /** RFC 8785 (JCS) canonical UTF-8 bytes of any JSON text. */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot canonicalize JSON", e);
        }
    }

    /** The record's RFC 8785 bytes, written directly from its components ({@link CanonicalRecord}). */
    public static byte[] canonicalBytes(LedgerRecord record) {
        return RecordEncoder.local().encode(record, false).bytes();
    }

    /** Lower-case hex SHA-256 of the record's canonical bytes: the {@code contentHash} a record is ledgered with. */
    public static String contentHash(LedgerRecord record) {
        return RecordEncoder.local().encode(record, false).contentHash();
    }

    public static String formatInstant(Instant instant) {
        return InstantText.fastFormat(instant);
    }

    public static Instant parseInstant(String text) {
        return InstantText.fastParse(text);
    }

    /**
     * Instants as fixed-width UTC text. Verifying a ledger formats and parses one per entry, so years 0..9999 take
     * a direct path; anything else, and any text not exactly in the fixed shape, goes through the formatter.
     */
    public static final class InstantText implements JsonbAdapter<Instant, String> {
        private static final int LENGTH = 24; // uuuu-MM-ddTHH:mm:ss.SSSZ

        static String fastFormat(Instant instant) {
            java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(),
                    instant.getNano(), ZoneOffset.UTC);
            if (t.getYear() < 0 || t.getYear() > 9999) {
                return INSTANT_FORMAT.format(instant);
            }
            char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
            digits(c, 0, 4, t.getYear());
            digits(c, 5, 2, t.getMonthValue());
            digits(c, 8, 2, t.getDayOfMonth());
            digits(c, 11, 2, t.getHour());
            digits(c, 14, 2, t.getMinute());
            digits(c, 17, 2, t.getSecond());
            digits(c, 20, 3, t.getNano() / 1_000_000);
            return new String(c);
        }

        static Instant fastParse(String text) {
            if (text.length() != LENGTH || !"--T::.Z".equals("" + text.charAt(4) + text.charAt(7) + text.charAt(10)
                    + text.charAt(13) + text.charAt(16) + text.charAt(19) + text.charAt(23))) {
                return Instant.from(INSTANT_FORMAT.parse(text));
            }
            try {
                return java.time.LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2),
                        number(text, 11, 2), number(text, 14, 2), number(text, 17, 2), number(text, 20, 3) * 1_000_000)
                        .toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException | NumberFormatException e) {
                throw new java.time.format.DateTimeParseException("not a valid instant: " + e.getMessage(), text, 0);
            }
        }

        private static void digits(char[] c, int at, int width, int value) {
            for (int i = at + width - 1; i >= at; i--) {
                c[i] = (char) ('0' + value % 10);
                value /= 10;
            }
        }

        private static int number(String s, int at, int width) {
            int n = 0;
            for (int i = at; i < at + width; i++) {
                char ch = s.charAt(i);
                if (ch < '0' || ch > '9') {
                    throw new NumberFormatException(s);
                }
                n = n * 10 + (ch - '0');
            }
            return n;
        }

        @Override
        public String adaptToJson(Instant instant) {
            return formatInstant(instant);
        }

        @Override
        public Instant adaptFromJson(String text) {
            return parseInstant(text);
        }
    }

    public static final class RecordRefText implements JsonbAdapter<RecordRef, String> {
        @Override
        public String adaptToJson(RecordRef ref) {
            return ref.toString();
        }

        @Override
        public RecordRef adaptFromJson(String text) {
            return RecordRef.parse(text);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
