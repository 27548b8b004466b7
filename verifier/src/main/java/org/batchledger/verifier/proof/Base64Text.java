package org.batchledger.verifier.proof;

import java.util.Base64;

/** Standard base64 (RFC 4648 §4), accepted only in its one canonical, padded spelling. */
public final class Base64Text {
    private Base64Text() {
    }

    /** Decodes {@code text}; {@code length} is the exact number of bytes expected, or -1 for any. */
    public static Checked<byte[]> decode(String text, int length) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Checked.failed("not standard base64");
        }
        // The JDK decoder tolerates missing padding; a second spelling of the same bytes is refused.
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            return Checked.failed("not canonical base64");
        }
        if (length >= 0 && bytes.length != length) {
            return Checked.failed("expected " + length + " bytes, found " + bytes.length);
        }
        return Checked.ok(bytes);
    }
}
