package org.batchledger.verifier.proof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Verifies C2SP {@code signed-note}s and the checkpoints in them against one Ed25519 verifier key, given as
 * {@code <name>+<hex key id>+<base64(0x01 ‖ 32-byte public key)>} (the format of Go's {@code sumdb/note}).
 *
 * <p>As the spec requires, signatures by other keys (another name or key ID) are ignored, a failing signature by
 * this key rejects the whole note, and a note without a verifying signature by this key is rejected.
 */
public final class NoteVerifier {
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

    private final String keyName;
    private final int keyId;
    private final PublicKey publicKey;

    private NoteVerifier(String keyName, int keyId, PublicKey publicKey) {
        this.keyName = keyName;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    /** Parses a verifier key; configuration errors throw {@link IllegalArgumentException} with the reason. */
    public static NoteVerifier of(String verifierKey) {
        Checked<NoteVerifier> verifier = parse(verifierKey);
        if (!verifier.ok()) {
            throw new IllegalArgumentException(verifier.reason());
        }
        return verifier.value();
    }

    public static Checked<NoteVerifier> parse(String verifierKey) {
        String[] parts = verifierKey == null ? new String[0] : verifierKey.split("\\+", 3);
        if (parts.length != 3 || !Ed25519.isKeyName(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
            return Checked.failed("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        Checked<byte[]> key = Base64Text.decode(parts[2], 33);
        if (!key.ok() || key.value()[0] != Ed25519.SIGNATURE_TYPE) {
            return Checked.failed("the verifier key is not a base64 Ed25519 key (type 0x01 and 32 bytes)");
        }
        byte[] raw = Arrays.copyOfRange(key.value(), 1, 33);
        int keyId = HexFormat.fromHexDigits(parts[1]);
        if (Ed25519.keyId(parts[0], raw) != keyId) {
            return Checked.failed("the verifier key's ID does not match its name and key");
        }
        try {
            return Checked.ok(new NoteVerifier(parts[0], keyId, Ed25519.publicKey(raw)));
        } catch (GeneralSecurityException e) {
            return Checked.failed("the verifier key is not a valid Ed25519 public key");
        }
    }

    public String keyName() {
        return keyName;
    }

    /** The note's text, if this key signed it. */
    public Checked<String> open(String note) {
        Checked<SignedNote> parsed = SignedNote.parse(note);
        if (!parsed.ok()) {
            return parsed.failure();
        }
        boolean verified = false;
        for (SignedNote.Line line : parsed.value().signatures()) {
            if (!line.keyName().equals(keyName) || line.keyId() != keyId) {
                continue; // another key's signature: ignored, as the spec requires
            }
            if (line.signature().length != Ed25519.SIGNATURE_SIZE || !Ed25519.verify(publicKey,
                    parsed.value().text().getBytes(StandardCharsets.UTF_8), line.signature())) {
                return Checked.failed("invalid signature for key " + describeKey());
            }
            verified = true;
        }
        return verified ? Checked.ok(parsed.value().text())
                : Checked.failed("the note has no signature by key " + describeKey());
    }

    /** The checkpoint in the note, if this key signed it and its text is a well-formed checkpoint. */
    public Checked<Checkpoint> verifyCheckpoint(String note) {
        Checked<String> text = open(note);
        return text.ok() ? Checkpoint.parse(text.value()) : text.failure();
    }

    private String describeKey() {
        return keyName + "+" + HexFormat.of().toHexDigits(keyId);
    }
}
