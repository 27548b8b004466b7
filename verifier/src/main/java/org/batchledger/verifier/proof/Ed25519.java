package org.batchledger.verifier.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The JDK's Ed25519 (RFC 8032) with the signed-note conventions: raw 32-byte public keys, key IDs, and the
 * {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>} verifier key text of Go's {@code sumdb/note}.
 */
public final class Ed25519 {
    public static final byte SIGNATURE_TYPE = 0x01;
    public static final int SIGNATURE_SIZE = 64;
    // DER prefixes of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4) and of a PKCS#8 key from a 32-byte seed (§7).
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {
    }

    public static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
    }

    public static PrivateKey privateKeyFromSeed(byte[] seed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    }

    /** {@code SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]}, big-endian (C2SP signed-note). */
    public static int keyId(String name, byte[] rawPublicKey) {
        MessageDigest digest = Sha256.digest();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(SIGNATURE_TYPE);
        return ByteBuffer.wrap(digest.digest(rawPublicKey)).getInt();
    }

    /** Key names are non-empty and contain neither Unicode spaces nor {@code +}. */
    public static boolean isKeyName(String name) {
        return name != null && !name.isEmpty() && name.codePoints()
                .noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    public static String verifierKey(String name, byte[] rawPublicKey) {
        return name + "+" + HexFormat.of().toHexDigits(keyId(name, rawPublicKey)) + "+"
                + Base64.getEncoder().encodeToString(concat(new byte[] {SIGNATURE_TYPE}, rawPublicKey));
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the hub's Ed25519 key", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
