package org.batchledger.lineage.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchledger.schema.json.CanonicalJson;

/**
 * Canonical entry bytes back to a {@link LedgerEntry}, strictly: the members are exactly the encoder's (strings,
 * {@code seq} and {@code version} as integers, {@code actorRoles} as a list of strings), and re-encoding the result
 * must give the same bytes, which rules out another member order, spacing, escaping, number form or invalid UTF-8.
 * A small hand parser: the shape is fixed, and verification decodes every entry of the ledger.
 */
public final class CanonicalEntryDecoder {
    private CanonicalEntryDecoder() {
    }

    /** The entry {@code bytes[from, from+length)} encodes; {@code seq} is where it stands (for the error). */
    public static LedgerEntry decode(byte[] bytes, int from, int length, long seq) {
        LedgerEntry entry;
        try {
            entry = new Parser(bytes, from, from + length, seq).entry();
        } catch (RuntimeException e) {
            throw e instanceof EntryDecodeException d ? d : new EntryDecodeException(seq, e.getMessage());
        }
        byte[] again = CanonicalEntryEncoder.encode(entry);
        if (!Arrays.equals(again, 0, again.length, bytes, from, from + length)) {
            throw new EntryDecodeException(seq, "its bytes are not the canonical encoding of the entry they hold");
        }
        if (entry.seq() != seq) {
            throw new EntryDecodeException(seq, "it names sequence number " + entry.seq());
        }
        return entry;
    }

    public static LedgerEntry decode(byte[] bytes, long seq) {
        return decode(bytes, 0, bytes.length, seq);
    }

    private static final class Parser {
        private final byte[] b;
        private final int end;
        private final long seq;
        private int p;
        private final Object[] fields = new Object[FIELDS.size()];

        private static final List<String> FIELDS = List.of("action", "actorClient", "actorName", "actorRoles",
                "actorSubject", "at", "commitId", "contentHash", "entityKey", "entityType", "prevHash", "reason",
                "seq", "supersedesHash", "version");

        Parser(byte[] b, int from, int end, long seq) {
            this.b = b;
            this.p = from;
            this.end = end;
            this.seq = seq;
        }

        LedgerEntry entry() {
            expect('{');
            if (peek() != '}') {
                do {
                    member();
                } while (accept(','));
            }
            expect('}');
            if (p != end) {
                throw fail("bytes after the entry's end");
            }
            if (fields[12] == null) {
                throw fail("no seq");
            }
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) fields[3];
            return new LedgerEntry((Long) fields[12], fields[5] == null ? null
                    : CanonicalJson.parseInstant(text(5)), text(0), text(9), text(8), text(7), text(13), text(4),
                    text(2), roles, text(1), text(11), text(6), text(10), (Long) fields[14]);
        }

        private void member() {
            String name = string();
            int field = FIELDS.indexOf(name);
            if (field < 0) {
                throw fail("unknown member '" + name + "'");
            }
            if (fields[field] != null) {
                throw fail("member '" + name + "' twice");
            }
            expect(':');
            fields[field] = switch (name) {
                case "seq", "version" -> number();
                case "actorRoles" -> strings();
                default -> string();
            };
        }

        private String text(int field) {
            if (fields[field] != null && !(fields[field] instanceof String)) {
                throw fail("member '" + FIELDS.get(field) + "' is not text");
            }
            return (String) fields[field];
        }

        private List<String> strings() {
            expect('[');
            List<String> list = new ArrayList<>();
            if (peek() != ']') {
                do {
                    list.add(string());
                } while (accept(','));
            }
            expect(']');
            return List.copyOf(list);
        }

        private Long number() {
            int start = p;
            long value = 0;
            while (p < end && b[p] >= '0' && b[p] <= '9' && p - start < 17) {
                value = value * 10 + (b[p++] - '0');
            }
            if (p == start) {
                throw fail("a number expected at byte " + p);
            }
            return value;
        }

        private String string() {
            expect('"');
            int start = p;
            boolean plain = true;
            while (p < end && b[p] != '"') {
                if (b[p] == '\\') {
                    plain = false;
                    p++;
                } else if (b[p] < 0) {
                    plain = false; // a byte of a multi-byte UTF-8 sequence
                } else if (b[p] < 0x20) {
                    throw fail("a control character in text at byte " + p);
                }
                p++;
            }
            if (p >= end) {
                throw fail("unterminated text");
            }
            int stop = p++;
            return plain ? new String(b, start, stop - start, StandardCharsets.ISO_8859_1)
                    : unescape(new String(b, start, stop - start, StandardCharsets.UTF_8));
        }

        private String unescape(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> throw fail("bad escape \\" + e);
                }
            }
            return out.toString();
        }

        private byte peek() {
            if (p >= end) {
                throw fail("the entry ends early");
            }
            return b[p];
        }

        private boolean accept(char c) {
            if (p < end && b[p] == c) {
                p++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw fail("'" + c + "' expected at byte " + p);
            }
        }

        private EntryDecodeException fail(String reason) {
            return new EntryDecodeException(seq, reason);
        }
    }
}
