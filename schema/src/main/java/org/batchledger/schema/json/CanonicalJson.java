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
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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

    public static byte[] canonicalBytes(LedgerRecord record) {
        return canonicalize(toJson(record));
    }

    /** Lower-case hex SHA-256 of the record's canonical bytes: the {@code contentHash} a record is ledgered with. */
    public static String contentHash(LedgerRecord record) {
        return Sha256.hex(canonicalBytes(record));
    }

    public static String formatInstant(Instant instant) {
        return INSTANT_FORMAT.format(instant);
    }

    public static Instant parseInstant(String text) {
        return Instant.from(INSTANT_FORMAT.parse(text));
    }

    public static final class InstantText implements JsonbAdapter<Instant, String> {
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
