package org.batchledger.schema.json;

import org.batchledger.verifier.proof.Sha256;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.erdtman.jcs.NumberToJSON;

/**
 * Writes a record's RFC 8785 form straight from its components as UTF-8 into one reused buffer, and collects the
 * stored property map on the way. It gives exactly what JSON-B (nulls omitted, instants as fixed-width text,
 * references as {@code Label:key}) followed by the RFC 8785 canonicalizer gave, and the map the JSON-P re-parse of
 * that JSON gave; a property test holds both equal to that path, which it keeps as its oracle. Members are sorted
 * by name once per record class (names are ASCII, so {@link String#compareTo} is RFC 8785's UTF-16 order).
 *
 * <p>One instance per thread ({@link #local()}): the buffer and digest are reused.
 */
final class RecordEncoder {
    private static final ThreadLocal<RecordEncoder> LOCAL = ThreadLocal.withInitial(RecordEncoder::new);
    private static final ClassValue<Member[]> SHAPES = new ClassValue<>() {
        @Override
        protected Member[] computeValue(Class<?> type) {
            return shape(type);
        }
    };
    /** Integers up to 2^53 are exact IEEE 754 doubles: their RFC 8785 form is their decimal digits. */
    private static final long MAX_EXACT = 1L << 53;
    /** Below this, {@link Double#toString} never uses E notation, so JSON-P never read the value as integral. */
    private static final double PLAIN_NOTATION_LIMIT = 1e7;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private enum Kind { TEXT, ENUM, INSTANT, REF, DOUBLE, LONG, TEXTS, NESTED }

    private record Member(String name, byte[] json, MethodHandle getter, Kind kind, Member[] nested) {
    }

    private final MessageDigest sha256 = Sha256.digest();
    private byte[] buf = new byte[1024];
    private int len;

    static RecordEncoder local() {
        return LOCAL.get();
    }

    CanonicalRecord encode(LedgerRecord record, boolean withProperties) {
        len = 0;
        Map<String, Object> properties = withProperties ? new HashMap<>(32) : null;
        object(record, SHAPES.get(record.getClass()), properties);
        byte[] bytes = Arrays.copyOf(buf, len);
        return new CanonicalRecord(bytes, HexFormat.of().formatHex(sha256.digest(bytes)), properties);
    }

    // A nested record (the provenance) is a nested JSON object but flat in the property map, as the graph stores it.
    private void object(Object value, Member[] members, Map<String, Object> properties) {
        put('{');
        boolean first = true;
        for (Member m : members) {
            Object v = get(m, value);
            if (v == null) {
                continue;
            }
            if (!first) {
                put(',');
            }
            first = false;
            raw(m.json());
            Object stored;
            try {
                stored = switch (m.kind()) {
                    case TEXT -> quote((String) v);
                    case ENUM -> quote(((Enum<?>) v).name());
                    case INSTANT -> quote(CanonicalJson.formatInstant((Instant) v));
                    case REF -> quote(v.toString());
                    case DOUBLE -> number(((Number) v).doubleValue(), m);
                    case LONG -> number(((Number) v).longValue());
                    case TEXTS -> texts((List<?>) v);
                    case NESTED -> {
                        object(v, m.nested(), properties);
                        yield null;
                    }
                };
            } catch (NotCanonical e) {
                throw new InvalidValueException(m.name(), e.getMessage());
            }
            if (properties != null && stored != null) {
                properties.put(m.name(), stored);
            }
        }
        put('}');
    }

    private static Object get(Member m, Object owner) {
        try {
            return (Object) m.getter().invokeExact(owner);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + m.name(), e);
        }
    }

    private List<String> texts(List<?> values) {
        List<String> stored = new ArrayList<>(values.size());
        put('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                put(',');
            }
            Object v = values.get(i);
            if (v == null) {
                ascii("null");
                stored.add(null);
            } else {
                stored.add(quote(v.toString()));
            }
        }
        put(']');
        return stored;
    }

    /**
     * A double as RFC 8785 writes it (ECMAScript's shortest form); stored as a double, except where JSON-P read
     * JSON-B's text as an integer: E notation with as many fraction digits as exponent ({@code 1.2345678E7}).
     * Stores written before this encoder hold a long there, so it stays one.
     */
    private Object number(double d, Member m) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NotCanonical("is not a JSON number: " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT) {
            digits((long) d);
        } else {
            ascii(serialize(d));
        }
        if (d == 0) {
            return 0.0; // JSON-P read -0.0 as 0.0
        }
        if (Math.abs(d) >= PLAIN_NOTATION_LIMIT) {
            BigDecimal text = new BigDecimal(Double.toString(d));
            if (text.scale() == 0) {
                return text.longValue();
            }
        }
        return d;
    }

    // RFC 8785 numbers are IEEE 754 doubles: a long beyond 2^53 is written as the nearest double, as the
    // canonicalizer did; the stored property keeps the exact long.
    private Long number(long v) {
        if (Math.abs(v) <= MAX_EXACT) {
            digits(v);
        } else {
            ascii(serialize((double) v));
        }
        return v;
    }

    private static String serialize(double d) {
        try {
            return NumberToJSON.serializeNumber(d);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON number: " + d, e);
        }
    }

    private void digits(long value) {
        ensure(21);
        if (value < 0) {
            buf[len++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int at = len + digits - 1; at >= len; at--) {
            buf[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += digits;
    }

    /**
     * A JSON string per RFC 8785 §3.2.2.2: only quote, backslash and control characters escaped, UTF-8. A lone
     * surrogate is not Unicode text and has no UTF-8 form: refused (the JSON-B path made it {@code ?}, so two
     * different values would have shared one content hash).
     */
    private String quote(String s) {
        int n = s.length();
        ensure(n * 6 + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                p = utf8(b, p, Character.toCodePoint(c, s.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                throw new NotCanonical("holds a lone surrogate at character " + i + " (not Unicode text)");
            } else {
                p = c < 0x80 ? escape(b, p, c) : utf8(b, p, c);
            }
        }
        b[p++] = '"';
        len = p;
        return s;
    }

    private static int escape(byte[] b, int p, char c) {
        b[p++] = '\\';
        switch (c) {
            case '"' -> b[p++] = '"';
            case '\\' -> b[p++] = '\\';
            case '\b' -> b[p++] = 'b';
            case '\t' -> b[p++] = 't';
            case '\n' -> b[p++] = 'n';
            case '\f' -> b[p++] = 'f';
            case '\r' -> b[p++] = 'r';
            default -> {
                b[p++] = 'u';
                b[p++] = '0';
                b[p++] = '0';
                b[p++] = HEX[c >> 4];
                b[p++] = HEX[c & 0xF];
            }
        }
        return p;
    }

    private static int utf8(byte[] b, int p, int cp) {
        if (cp < 0x800) {
            b[p++] = (byte) (0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            b[p++] = (byte) (0xE0 | cp >> 12);
            b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
        } else {
            b[p++] = (byte) (0xF0 | cp >> 18);
            b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
        }
        b[p++] = (byte) (0x80 | cp & 0x3F);
        return p;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** The members of a record class in RFC 8785 order, each with its getter and how its value is written. */
    private static Member[] shape(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record");
        }
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        List<Member> members = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Kind kind = kind(c);
            try {
                MethodHandle getter = lookup.unreflect(c.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                members.add(new Member(c.getName(), ("\"" + c.getName() + "\":").getBytes(StandardCharsets.US_ASCII),
                        getter, kind, kind == Kind.NESTED ? shape(c.getType()) : null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + c.getName(), e);
            }
        }
        members.sort(Comparator.comparing(Member::name));
        return members.toArray(Member[]::new);
    }

    private static Kind kind(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class) {
            return Kind.TEXT;
        } else if (t.isEnum()) {
            return Kind.ENUM;
        } else if (t == Instant.class) {
            return Kind.INSTANT;
        } else if (t == RecordRef.class) {
            return Kind.REF;
        } else if (t == double.class || t == Double.class) {
            return Kind.DOUBLE;
        } else if (t == long.class || t == Long.class) {
            return Kind.LONG;
        } else if (t == List.class && c.getGenericType() instanceof ParameterizedType p
                && (p.getActualTypeArguments()[0] == RecordRef.class || p.getActualTypeArguments()[0] == String.class)) {
            return Kind.TEXTS;
        } else if (t.isRecord() && !LedgerRecord.class.isAssignableFrom(t)) {
            return Kind.NESTED;
        }
        throw new IllegalStateException("no canonical form for " + c.getDeclaringRecord().getName() + "."
                + c.getName() + " of type " + c.getGenericType());
    }

    /** A value with no canonical form; {@link #object} names its field. */
    private static final class NotCanonical extends RuntimeException {
        NotCanonical(String problem) {
            super(problem, null, false, false);
        }
    }
}
