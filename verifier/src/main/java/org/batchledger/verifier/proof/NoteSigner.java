package org.batchledger.verifier.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Signs note texts as C2SP {@code signed-note}s with an Ed25519 key under a key name: the text, a blank line,
 * and the line {@code — <key name> <base64(4-byte key id ‖ 64-byte signature)>}.
 */
public final class NoteSigner {
    private final String keyName;
    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final int keyId;

    /** The key name should be the log's origin line, a schema-less URL such as {@code hub.example/ledger}. */
    public NoteSigner(String keyName, PrivateKey privateKey, PublicKey publicKey) {
        if (!Ed25519.isKeyName(keyName)) {
            throw new IllegalArgumentException("a key name must be non-empty, without spaces or '+': " + keyName);
        }
        this.keyName = keyName;
        this.privateKey = privateKey;
        this.rawPublicKey = Ed25519.rawPublicKey(publicKey);
        this.keyId = Ed25519.keyId(keyName, rawPublicKey);
    }

    public String keyName() {
        return keyName;
    }

    /** The key text an inspector needs to verify notes: {@code <name>+<hex key id>+<base64(0x01 ‖ key)>}. */
    public String verifierKey() {
        return Ed25519.verifierKey(keyName, rawPublicKey);
    }

    public String sign(Checkpoint checkpoint) {
        return sign(checkpoint.body());
    }

    /** The signed note: {@code text} (non-empty, ending in a newline, no other control characters) signed. */
    public String sign(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note text ends in a newline and has no other control characters");
        }
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        byte[] keyIdAndSignature = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return text + "\n" + SignedNote.SIGNATURE_PREFIX + keyName + " "
                + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
    }
}
