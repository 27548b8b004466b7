package org.batchledger.lineage.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.json.CanonicalJson;

/**
 * RFC 8785 canonical JSON of a {@link LedgerEntry}, written directly as UTF-8 into one reused buffer: the entry's
 * shape is fixed (strings, one integer, one list of strings), so the members can be emitted in their canonical
 * order without binding, re-parsing or intermediate strings. Verification of a large ledger is dominated by this
 * step. A property test holds it byte-for-byte equal to the general path (JSON-B, then the RFC 8785
 * canonicalizer); null members are omitted, as JSON-B does.
 *
 * <p>An instance is not thread-safe: a verifier keeps one per thread and {@link #encodeStored encodes} every
 * entry into the same buffer.
 */
public final class CanonicalEntryEncoder {
    /** Integers beyond 2^53 would not survive RFC 8785's IEEE 754 number model unchanged. */
    private static final long MAX_EXACT = 1L << 53;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    // Member names in UTF-16 code-unit order, as RFC 8785 sorts them.
    private static final byte[] ACTION = member("action");
    private static final byte[] ACTOR_CLIENT = member("actorClient");
    private static final byte[] ACTOR_NAME = member("actorName");
    private static final byte[] ACTOR_ROLES = member("actorRoles");
    private static final byte[] ACTOR_SUBJECT = member("actorSubject");
    private static final byte[] AT = member("at");
    private static final byte[] COMMIT_ID = member("commitId");
    private static final byte[] CONTENT_HASH = member("contentHash");
    private static final byte[] ENTITY_KEY = member("entityKey");
    private static final byte[] ENTITY_TYPE = member("entityType");
    private static final byte[] PREV_HASH = member("prevHash");
    private static final byte[] REASON = member("reason");
    private static final byte[] SEQ = member("seq");
    private static final byte[] SUPERSEDES_HASH = member("supersedesHash");
    private static final byte[] VERSION = member("version");

    private byte[] buf = new byte[1024];
    private int len;
    private boolean first;

    static byte[] encode(LedgerEntry e) {
        CanonicalEntryEncoder encoder = new CanonicalEntryEncoder();
        encoder.entry(e.seq(), e.at() == null ? null : CanonicalJson.formatInstant(e.at()), e.action(),
                e.entityType(), e.entityKey(), e.contentHash(), e.supersedesHash(), e.actorSubject(), e.actorName(),
                e.actorRoles(), e.actorClient(), e.reason(), e.commitId(), e.prevHash(), e.version());
        return Arrays.copyOf(encoder.buf, encoder.len);
    }

    /**
     * Encodes the entry a {@code (:LedgerEntry)} node's properties hold into {@link #buffer()} and returns its
     * length: the same bytes as {@code StoredEntries.entry(stored).canonicalBytes()}, refused with the same
     * exceptions, but without building the entry, parsing and re-formatting its instant, or allocating.
     */
    public int encodeStored(StoredEntry stored) {
        entry(((Number) stored.seq()).longValue(), StoredInstant.canonical((String) stored.at()),
                text(stored.action()), text(stored.entityType()), text(stored.entityKey()),
                text(stored.contentHash()), text(stored.supersedesHash()), text(stored.actorSubject()),
                text(stored.actorName()), texts(stored.actorRoles()), text(stored.actorClient()),
                text(stored.reason()), text(stored.commitId()), text(stored.prevHash()), version(stored.version()));
        return len;
    }

    /** {@link #encodeStored(StoredEntry)} of a node's property map. */
    public int encodeStored(Map<String, Object> stored) {
        return encodeStored(StoredEntry.of(stored));
    }

    /** The bytes of the last entry encoded are {@code buffer()[0 .. length)}; overwritten by the next one. */
    public byte[] buffer() {
        return buf;
    }

    private void entry(long seq, String at, String action, String entityType, String entityKey, String contentHash,
                       String supersedesHash, String actorSubject, String actorName, List<?> actorRoles,
                       String actorClient, String reason, String commitId, String prevHash, Long version) {
        if (seq < 0 || seq > MAX_EXACT) {
            throw new IllegalArgumentException("ledger sequence out of the exact range: " + seq);
        }
        len = 0;
        first = true;
        ensure(1);
        buf[len++] = '{';
        string(ACTION, action);
        string(ACTOR_CLIENT, actorClient);
        string(ACTOR_NAME, actorName);
        strings(ACTOR_ROLES, actorRoles);
        string(ACTOR_SUBJECT, actorSubject);
        string(AT, at);
        string(COMMIT_ID, commitId);
        string(CONTENT_HASH, contentHash);
        string(ENTITY_KEY, entityKey);
        string(ENTITY_TYPE, entityType);
        string(PREV_HASH, prevHash);
        string(REASON, reason);
        number(SEQ, seq);
        string(SUPERSEDES_HASH, supersedesHash);
        if (version != null) {
            if (version < 0 || version > MAX_EXACT) {
                throw new IllegalArgumentException("record version out of the exact range: " + version);
            }
            number(VERSION, version);
        }
        ensure(1);
        buf[len++] = '}';
    }

    private void name(byte[] member) {
        ensure(member.length + 1);
        if (!first) {
            buf[len++] = ',';
        }
        first = false;
        System.arraycopy(member, 0, buf, len, member.length);
        len += member.length;
    }

    private void string(byte[] member, String value) {
        if (value != null) {
            name(member);
            quote(value);
        }
    }

    private void strings(byte[] member, List<?> values) {
        if (values == null) {
            return;
        }
        name(member);
        ensure(1);
        buf[len++] = '[';
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                ensure(1);
                buf[len++] = ',';
            }
            quote((String) values.get(i));
        }
        ensure(1);
        buf[len++] = ']';
    }

    // A non-negative integer below 2^53: its shortest decimal form is the RFC 8785 number.
    private void number(byte[] member, long value) {
        name(member);
        ensure(20);
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

    /** JSON string per RFC 8785 §3.2.2.2: only quote, backslash and control characters are escaped; UTF-8. */
    private void quote(String s) {
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
                throw new IllegalArgumentException("lone surrogate in ledger text at index " + i);
            } else {
                p = c < 0x80 ? escape(b, p, c) : utf8(b, p, c);
            }
        }
        b[p++] = '"';
        len = p;
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

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private static byte[] member(String name) {
        return ('"' + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    private static Long version(Object stored) {
        return stored == null ? null : ((Number) stored).longValue();
    }

    private static String text(Object stored) {
        return stored == null ? null : stored.toString();
    }

    // Stored roles as text, as StoredEntries.entry reads them; the list itself is used when it holds only text.
    private static List<?> texts(Object roles) {
        if (roles == null) {
            return null;
        }
        List<?> list = (List<?>) roles;
        for (Object role : list) {
            if (!(role instanceof String)) {
                return list.stream().map(String::valueOf).toList();
            }
        }
        return list;
    }
}
