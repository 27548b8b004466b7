package org.batchledger.verifier.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * C2SP {@code tlog-cosignature} v1 with Ed25519: a witness's note signature on a checkpoint, whose signed message
 * is {@code cosignature/v1\ntime <POSIX seconds>\n} followed by the whole checkpoint body (extension lines
 * included, signature lines not), and whose signature bytes are {@code u64 timestamp ‖ 64-byte Ed25519 signature}.
 * Witness keys are verifier keys of type {@value #KEY_TYPE}: {@code <name>+<hex key id>+<base64(0x04 ‖ key)>}, the
 * key ID being {@code SHA-256(name ‖ "\n" ‖ 0x04 ‖ key)[:4]}.
 *
 * <p>The witness signs with {@link #sign}; verifiers check one witness with {@link Witness#verify} and a k-of-n
 * policy with {@link #quorum}. Cosignatures by keys not configured are ignored, as the spec requires.
 */
public final class Cosignature {
    public static final byte KEY_TYPE = 0x04;
    private static final int TIMESTAMPED_SIZE = 8 + Ed25519.SIGNATURE_SIZE;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

    private Cosignature() {
    }

    /** The signed message for a checkpoint body (the note text, ending in a newline) at {@code time}. */
    public static byte[] message(String checkpointBody, long time) {
        return ("cosignature/v1\ntime " + time + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4]}, big-endian. */
    public static int keyId(String name, byte[] rawPublicKey) {
        MessageDigest digest = Sha256.digest();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(KEY_TYPE);
        return ByteBuffer.wrap(digest.digest(rawPublicKey)).getInt();
    }

    public static String verifierKey(String name, byte[] rawPublicKey) {
        return name + "+" + HexFormat.of().toHexDigits(keyId(name, rawPublicKey)) + "+"
                + Base64.getEncoder().encodeToString(Ed25519.concat(new byte[] {KEY_TYPE}, rawPublicKey));
    }

    /** The cosignature line {@code — <name> <base64(key id ‖ time ‖ signature)>} ending in a newline. */
    public static String sign(String name, PrivateKey key, byte[] rawPublicKey, String checkpointBody, long time) {
        if (time < 0) {
            throw new IllegalArgumentException("a cosignature time is POSIX seconds, not negative");
        }
        byte[] signature = Ed25519.sign(key, message(checkpointBody, time));
        byte[] bytes = ByteBuffer.allocate(4 + TIMESTAMPED_SIZE).putInt(keyId(name, rawPublicKey)).putLong(time)
                .put(signature).array();
        return SignedNote.SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
    }

    /** One witness a verifier trusts: its name, key ID and public key, from its verifier key. */
    public record Witness(String name, int keyId, PublicKey publicKey) {
        public static Checked<Witness> parse(String verifierKey) {
            String[] parts = verifierKey == null ? new String[0] : verifierKey.strip().split("\\+", 3);
            if (parts.length != 3 || !Ed25519.isKeyName(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
                return Checked.failed("a witness key is <name>+<8 hex digits>+<base64 key>");
            }
            Checked<byte[]> key = Base64Text.decode(parts[2], 33);
            if (!key.ok() || key.value()[0] != KEY_TYPE) {
                return Checked.failed("the witness key " + parts[0] + " is not a base64 Ed25519 cosignature key "
                        + "(type 0x04 and 32 bytes)");
            }
            byte[] raw = Arrays.copyOfRange(key.value(), 1, 33);
            int keyId = HexFormat.fromHexDigits(parts[1]);
            if (Cosignature.keyId(parts[0], raw) != keyId) {
                return Checked.failed("the witness key " + parts[0] + " has a key ID that does not match its key");
            }
            try {
                return Checked.ok(new Witness(parts[0], keyId, Ed25519.publicKey(raw)));
            } catch (GeneralSecurityException e) {
                return Checked.failed("the witness key " + parts[0] + " is not a valid Ed25519 public key");
            }
        }

        /** Configuration errors throw {@link IllegalArgumentException} with the reason. */
        public static Witness of(String verifierKey) {
            Checked<Witness> witness = parse(verifierKey);
            if (!witness.ok()) {
                throw new IllegalArgumentException(witness.reason());
            }
            return witness.value();
        }

        /** {@code name+keyid}, as reports name a witness. */
        public String label() {
            return name + "+" + HexFormat.of().toHexDigits(keyId);
        }

        /**
         * The time of this witness's valid cosignature on the signed note's checkpoint; a failure if the note has
         * none by this key, or one that does not verify.
         */
        public Checked<Long> verify(String note) {
            Checked<SignedNote> parsed = SignedNote.parse(note);
            if (!parsed.ok()) {
                return parsed.failure();
            }
            boolean found = false;
            for (SignedNote.Line line : parsed.value().signatures()) {
                if (!line.keyName().equals(name) || line.keyId() != keyId) {
                    continue;
                }
                found = true;
                Checked<Long> time = verifyLine(parsed.value().text(), line.signature());
                if (time.ok()) {
                    return time;
                }
            }
            return Checked.failed(found ? "the cosignature of witness " + label() + " does not verify"
                    : "no cosignature by witness " + label());
        }

        private Checked<Long> verifyLine(String body, byte[] timestamped) {
            if (timestamped.length != TIMESTAMPED_SIZE) {
                return Checked.failed("not a timestamped Ed25519 signature");
            }
            long time = ByteBuffer.wrap(timestamped).getLong();
            byte[] signature = Arrays.copyOfRange(timestamped, 8, TIMESTAMPED_SIZE);
            return time >= 0 && Ed25519.verify(publicKey, message(body, time), signature) ? Checked.ok(time)
                    : Checked.failed("bad signature");
        }
    }

    /**
     * A k-of-n check: which of the distinct configured witnesses cosigned, and why each of the others did not.
     *
     * @param missing witness label → reason, for every configured witness without a valid cosignature
     */
    public record Quorum(int required, List<String> cosigned, Map<String, String> missing) {
        public boolean met() {
            return cosigned.size() >= required;
        }

        /** A sentence for a report: how many of how many, and which witnesses are missing and why. */
        public String describe() {
            String counted = cosigned.size() + " of " + (cosigned.size() + missing.size()) + " witnesses cosigned, "
                    + required + " required";
            return missing.isEmpty() ? counted : counted + "; missing: " + String.join("; ",
                    missing.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
        }
    }

    /** Counts valid cosignatures on {@code note} by distinct witnesses (a witness listed twice counts once). */
    public static Quorum quorum(String note, List<Witness> witnesses, int required) {
        Map<String, Witness> distinct = new LinkedHashMap<>();
        witnesses.forEach(w -> distinct.putIfAbsent(w.label(), w));
        if (required < 0 || required > distinct.size()) {
            throw new IllegalArgumentException("cannot require " + required + " cosignatures of " + distinct.size()
                    + " distinct witnesses");
        }
        List<String> cosigned = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (Witness witness : distinct.values()) {
            Checked<Long> time = witness.verify(note);
            if (time.ok()) {
                cosigned.add(witness.label());
            } else {
                missing.put(witness.label(), time.reason());
            }
        }
        return new Quorum(required, List.copyOf(cosigned), Collections.unmodifiableMap(missing));
    }
}
