package org.batchledger.verifier.evidence;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed reads of parsed JSON members; a missing or mistyped member is a {@link BadField} naming it. */
final class Fields {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** A member is missing or has the wrong type; the message names the file and the member. */
    static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message);
        }
    }

    private Fields() {
    }

    static String text(Map<String, Object> m, String name, String where) {
        if (m.get(name) instanceof String s) {
            return s;
        }
        throw new BadField(where + ": member \"" + name + "\" must be a string");
    }

    static String textOrNull(Map<String, Object> m, String name, String where) {
        return m.get(name) == null ? null : text(m, name, where);
    }

    static long number(Map<String, Object> m, String name, String where) {
        if (m.get(name) instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new BadField(where + ": member \"" + name + "\" must be an integer");
            }
        }
        throw new BadField(where + ": member \"" + name + "\" must be a number");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> m, String name, String where) {
        if (m.get(name) instanceof Map<?, ?> o) {
            return (Map<String, Object>) o;
        }
        throw new BadField(where + ": member \"" + name + "\" must be an object");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> m, String name, String where) {
        if (m.get(name) instanceof List<?> list && list.stream().allMatch(x -> x instanceof Map)) {
            return (List<Map<String, Object>>) (List<?>) list;
        }
        throw new BadField(where + ": member \"" + name + "\" must be an array of objects");
    }

    /** A SHA-256 written the package's one way: 64 lower-case hex digits. */
    static byte[] hash(Map<String, Object> m, String name, String where) {
        return hash(text(m, name, where), where + " " + name);
    }

    static byte[] hash(String hex, String where) {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new BadField(where + ": a hash is 64 lower-case hex digits");
        }
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> hashes(Map<String, Object> m, String name, String where) {
        if (!(m.get(name) instanceof List<?> list)) {
            throw new BadField(where + ": member \"" + name + "\" must be an array of hashes");
        }
        if (list.size() > 64) {
            throw new BadField(where + ": more than 64 proof hashes");
        }
        return list.stream().map(x -> hash(x instanceof String s ? s : null, where + " " + name)).toList();
    }

    /** Equality of parsed JSON values, numbers by value (1.0 equals 1.00). */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }
}
