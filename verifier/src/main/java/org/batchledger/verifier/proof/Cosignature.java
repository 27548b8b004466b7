package org.batchledger.verifier.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Witness cosignatures of checkpoints as C2SP {@code tlog-cosignature} specifies (version {@code cosignature/v1},
 * Ed25519): the witness signs
 * <pre>
 * cosignature/v1
 * time &lt;seconds since the epoch&gt;
 * &lt;checkpoint body&gt;
 * </pre>
 * and the note's signature line carries {@code base64(key ID ‖ 8-byte big-endian time ‖ 64-byte signature)},
 * where the key ID is the first four bytes of {@code SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)}. The verifier key
 * reads {@code <name>+<hex key ID>+<base64(0x04 ‖ public key)>}. This is the verifying side; the witness signs.
 */
public final class Cosignature {
    public static final byte SIGNATURE_TYPE = 0x04;
    static final String HEADER = "cosignature/v1\n";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

    private Cosignature() {
    }

    /** The key ID of a cosigning key: the first four bytes of SHA-256(name, newline, 0x04, key). */
    public static int keyId(String name, byte[] rawPublicKey) {
        var d = Sha256.digest();
        d.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        d.update(SIGNATURE_TYPE);
        return ByteBuffer.wrap(d.digest(rawPublicKey)).getInt();
    }

    /** The signed message for {@code checkpointBody} at {@code time} (seconds since the epoch). */
    public static byte[] message(String checkpointBody, long time) {
        return (HEADER + "time " + time + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** One witness's key: verifies its cosignature on a checkpoint note. */
    public static final class Verifier {
        private final String name;
        private final int keyId;
        private final PublicKey key;

        private Verifier(String name, int keyId, PublicKey key) {
            this.name = name;
            this.keyId = keyId;
            this.key = key;
        }

        public static Checked<Verifier> parse(String verifierKey) {
            String[] parts = verifierKey == null ? new String[0] : verifierKey.split("\\+", 3);
            if (parts.length != 3 || !Ed25519.isKeyName(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
                return Checked.failed("a witness key is <name>+<8 hex digits>+<base64 key>");
            }
            Checked<byte[]> bytes = Base64Text.decode(parts[2], 33);
            if (!bytes.ok() || bytes.value()[0] != SIGNATURE_TYPE) {
                return Checked.failed("the witness key is not a base64 cosignature/v1 key (type 0x04 and 32 bytes)");
            }
            byte[] raw = Arrays.copyOfRange(bytes.value(), 1, 33);
            int id = HexFormat.fromHexDigits(parts[1]);
            if (keyId(parts[0], raw) != id) {
                return Checked.failed("the witness key's ID does not match its name and key");
            }
            try {
                return Checked.ok(new Verifier(parts[0], id, Ed25519.publicKey(raw)));
            } catch (GeneralSecurityException e) {
                return Checked.failed("the witness key is not a valid Ed25519 public key");
            }
        }

        public String name() {
            return name;
        }

        /** The cosignature's time (seconds) if this witness cosigned the checkpoint in {@code note}. */
        public Checked<Long> verify(String note) {
            Checked<SignedNote> parsed = SignedNote.parse(note);
            if (!parsed.ok()) {
                return parsed.failure();
            }
            for (SignedNote.Line line : parsed.value().signatures()) {
                if (!line.keyName().equals(name) || line.keyId() != keyId) {
                    continue;
                }
                byte[] rest = line.signature();
                if (rest.length != 8 + Ed25519.SIGNATURE_SIZE) {
                    return Checked.failed("malformed cosignature by " + name);
                }
                long time = ByteBuffer.wrap(rest, 0, 8).getLong();
                byte[] sig = Arrays.copyOfRange(rest, 8, rest.length);
                return Ed25519.verify(key, message(parsed.value().text(), time), sig) ? Checked.ok(time)
                        : Checked.failed("the cosignature by " + name + " does not verify");
            }
            return Checked.failed("no cosignature by " + name);
        }
    }
}
