package org.batchledger.lineage.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.batchledger.schema.json.CanonicalJson;

/**
 * RFC 8785 canonical JSON of a {@link LedgerEntry}, written directly: the entry's shape is fixed (strings, one
 * integer, one list of strings), so the members can be emitted in their canonical order without binding and
 * re-parsing. Verification of a large ledger is dominated by this step. A property test holds it byte-for-byte
 * equal to the general path (JSON-B, then the RFC 8785 canonicalizer); null members are omitted, as JSON-B does.
 */
final class CanonicalEntryEncoder {
    /** Integers beyond 2^53 would not survive RFC 8785's IEEE 754 number model unchanged. */
    private static final long MAX_EXACT = 1L << 53;

    private CanonicalEntryEncoder() {
    }

    static byte[] encode(LedgerEntry e) {
        if (e.seq() < 0 || e.seq() > MAX_EXACT) {
            throw new IllegalArgumentException("ledger sequence out of the exact range: " + e.seq());
        }
        // Member names in UTF-16 code-unit order, as RFC 8785 sorts them.
        StringBuilder json = new StringBuilder(512).append('{');
        Members m = new Members(json);
        m.string("action", e.action());
        m.string("actorClient", e.actorClient());
        m.string("actorName", e.actorName());
        m.strings("actorRoles", e.actorRoles());
        m.string("actorSubject", e.actorSubject());
        m.string("at", e.at() == null ? null : CanonicalJson.formatInstant(e.at()));
        m.string("commitId", e.commitId());
        m.string("contentHash", e.contentHash());
        m.string("entityKey", e.entityKey());
        m.string("entityType", e.entityType());
        m.string("prevHash", e.prevHash());
        m.string("reason", e.reason());
        m.name("seq").append(e.seq());
        m.string("supersedesHash", e.supersedesHash());
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Members {
        private final StringBuilder json;
        private boolean first = true;

        Members(StringBuilder json) {
            this.json = json;
        }

        StringBuilder name(String name) {
            if (!first) {
                json.append(',');
            }
            first = false;
            return json.append('"').append(name).append("\":");
        }

        void string(String name, String value) {
            if (value != null) {
                quote(name(name), value);
            }
        }

        void strings(String name, List<String> values) {
            if (values == null) {
                return;
            }
            name(name).append('[');
            for (int i = 0; i < values.size(); i++) {
                quote(i == 0 ? json : json.append(','), values.get(i));
            }
            json.append(']');
        }
    }

    /** JSON string per RFC 8785 §3.2.2.2: only quote, backslash and control characters are escaped. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isSurrogate(c) && !pairedAt(s, i)) {
                        throw new IllegalArgumentException("lone surrogate in ledger text at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
