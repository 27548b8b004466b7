package org.batchledger.verifier.evidence;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded JSON reader (RFC 8259): objects as ordered maps, arrays as lists, numbers as
 * {@link BigDecimal}, {@code null} as Java null. The verifier must run on a bare JDK, which has no JSON parser
 * (JSON-P is not part of Java SE), so this small one is ours. It refuses what a lenient parser would guess at:
 * invalid UTF-8, a byte-order mark, duplicate member names, trailing text, lone surrogates, leading zeros,
 * more than {@link #MAX_DEPTH} levels or more than {@link #MAX_BYTES} bytes.
 */
final class Json {
    static final int MAX_DEPTH = 64;
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /** Malformed JSON; the message names the character offset. */
    static final class JsonException extends Exception {
        JsonException(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(byte[] bytes) throws JsonException {
        if (bytes.length > MAX_BYTES) {
            throw new JsonException("larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonException("not valid UTF-8");
        }
        Json json = new Json(text);
        json.space();
        Object value = json.value(0);
        json.space();
        if (json.at != text.length()) {
            throw json.error("text after the JSON value");
        }
        return value;
    }

    /** An object parsed from {@code bytes}, or an exception naming why it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(byte[] bytes) throws JsonException {
        Object value = parse(bytes);
        if (!(value instanceof Map)) {
            throw new JsonException("not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private Object value(int depth) throws JsonException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        Map<String, Object> members = new LinkedHashMap<>();
        at++;
        space();
        if (peek('}')) {
            at++;
            return members;
        }
        while (true) {
            space();
            if (!peek('"')) {
                throw error("expected a member name");
            }
            String name = string();
            space();
            expect(':');
            space();
            Object value = value(depth + 1);
            if (members.containsKey(name)) {
                throw error("duplicate member \"" + name + "\"");
            }
            members.put(name, value);
            space();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> array(int depth) throws JsonException {
        List<Object> items = new ArrayList<>();
        at++;
        space();
        if (peek(']')) {
            at++;
            return items;
        }
        while (true) {
            space();
            items.add(value(depth + 1));
            space();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return items;
            }
        }
    }

    private String string() throws JsonException {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c == '\\') {
                out.append(escape());
            } else {
                out.append(c);
            }
        }
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("lone surrogate in a string");
            }
        }
        return out.toString();
    }

    private char escape() throws JsonException {
        if (at >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(at++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (at + 4 > text.length()) {
                    throw error("short \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(text.charAt(at++), 16);
                    if (d < 0) {
                        throw error("bad \\u escape");
                    }
                    v = v * 16 + d;
                }
                yield (char) v;
            }
            default -> throw error("bad escape \\" + c);
        };
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private BigDecimal number() throws JsonException {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String n = text.substring(start, at);
        if (n.isEmpty() || n.length() > 400 || !NUMBER.matcher(n).matches()) {
            at = start;
            throw error("not a JSON value");
        }
        try {
            return new BigDecimal(n);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("number out of range");
        }
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, at)) {
            throw error("not a JSON value");
        }
        at += word.length();
        return value;
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) throws JsonException {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private JsonException error(String what) {
        return new JsonException(what + " at character " + at);
    }
}
