package org.batchledger.verifier.proof;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A C2SP {@code signed-note} split into its text and signature lines, with the format checked but no signature
 * verified yet. The text ends at the last blank line and includes its own final newline.
 */
public record SignedNote(String text, List<Line> signatures) {
    public static final String SIGNATURE_PREFIX = "\u2014 ";
    /** The spec asks verifiers to accept at least 16; Go's {@code sumdb/note} stops at 100. */
    static final int MAX_SIGNATURES = 100;

    /** One signature line: key name, key ID, and the signature bytes after the ID. */
    public record Line(String keyName, int keyId, byte[] signature) {
    }

    public static Checked<SignedNote> parse(String note) {
        if (note == null || note.codePoints().anyMatch(SignedNote::forbidden)) {
            return Checked.failed("a note must be valid text without control characters other than newline");
        }
        int blank = note.lastIndexOf("\n\n");
        if (!note.endsWith("\n") || blank < 0 || blank + 2 == note.length()) {
            return Checked.failed("a note is text, a blank line, then signature lines, each ending in a newline");
        }
        String[] lines = note.substring(blank + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            return Checked.failed("a note with more than " + MAX_SIGNATURES + " signatures is refused");
        }
        List<Line> signatures = new ArrayList<>();
        for (String line : lines) {
            Checked<Line> signature = parseLine(line);
            if (!signature.ok()) {
                return signature.failure();
            }
            signatures.add(signature.value());
        }
        return Checked.ok(new SignedNote(note.substring(0, blank + 1), List.copyOf(signatures)));
    }

    private static Checked<Line> parseLine(String line) {
        String[] parts = line.startsWith(SIGNATURE_PREFIX)
                ? line.substring(SIGNATURE_PREFIX.length()).split(" ", -1) : new String[0];
        if (parts.length != 2 || !Ed25519.isKeyName(parts[0])) {
            return Checked.failed("malformed signature line: " + abbreviate(line));
        }
        Checked<byte[]> bytes = Base64Text.decode(parts[1], -1);
        if (!bytes.ok() || bytes.value().length < 5) {
            return Checked.failed("malformed signature of key " + parts[0]);
        }
        byte[] value = bytes.value();
        int keyId = ByteBuffer.wrap(value).getInt();
        return Checked.ok(new Line(parts[0], keyId, Arrays.copyOfRange(value, 4, value.length)));
    }

    // Control characters other than newline, and lone surrogates (text that was not valid UTF-8).
    private static boolean forbidden(int codePoint) {
        return (codePoint < 0x20 && codePoint != '\n') || (codePoint >= 0xD800 && codePoint <= 0xDFFF);
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
