package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.Ed25519;
import org.batchledger.verifier.proof.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The hub's Ed25519 checkpoint key, kept in its data directory as two PEM files: {@value #PRIVATE_KEY_FILE}
 * (PKCS#8, owner read/write only where the file system has POSIX permissions) and {@value #PUBLIC_KEY_FILE}
 * (X.509 SubjectPublicKeyInfo). Start the first hub process alone: two processes creating the key at once make
 * the second fail (the private key file is created exclusively) rather than overwrite the first key.
 *
 * <p>The key is created on first use and never replaced: every checkpoint signed so far is only verifiable with
 * it. A missing half, a corrupt file or a mismatched pair is a {@link HubKeyException} for an operator to resolve
 * (restore from backup), never a reason to generate a new key.
 */
public final class HubKeys {
    static final String PRIVATE_KEY_FILE = "ledger-ed25519-private.pem";
    static final String PUBLIC_KEY_FILE = "ledger-ed25519-public.pem";

    private HubKeys() {
    }

    /** The signer for {@code keyName} with the key in {@code directory}, creating the key if there is none yet. */
    public static NoteSigner loadOrCreate(Path directory, String keyName) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        boolean hasPrivate = Files.exists(privateFile);
        boolean hasPublic = Files.exists(publicFile);
        if (hasPrivate != hasPublic) {
            throw new HubKeyException("only one of " + privateFile + " and " + publicFile + " exists; restore the "
                    + "other from backup (a new key would orphan every checkpoint signed so far)", null);
        }
        KeyPair keys = hasPrivate ? load(privateFile, publicFile) : create(directory, privateFile, publicFile);
        return new NoteSigner(keyName, keys.getPrivate(), keys.getPublic());
    }

    private static KeyPair load(Path privateFile, Path publicFile) {
        PrivateKey privateKey = read(privateFile, Pem.PRIVATE_KEY, bytes -> keyFactory().generatePrivate(
                new PKCS8EncodedKeySpec(bytes)));
        PublicKey publicKey = read(publicFile, Pem.PUBLIC_KEY, bytes -> keyFactory().generatePublic(
                new X509EncodedKeySpec(bytes)));
        byte[] probe = "batch-ledger-hub key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
            throw new HubKeyException(privateFile + " and " + publicFile + " are not one key pair", null);
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static KeyPair create(Path directory, Path privateFile, Path publicFile) {
        try {
            Files.createDirectories(directory);
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // The private key first, created exclusively: a concurrent creator fails here instead of overwriting.
            Pem.writeNew(privateFile, Pem.PRIVATE_KEY, keys.getPrivate().getEncoded(), true);
            Pem.writeNew(publicFile, Pem.PUBLIC_KEY, keys.getPublic().getEncoded(), false);
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new HubKeyException("cannot create the ledger signing key in " + directory, e);
        }
    }

    private static <K> K read(Path file, String label, KeyDecoder<K> decoder) {
        byte[] der = null;
        try {
            der = Pem.read(file, label);
            return decoder.decode(der);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new HubKeyException("the ledger signing key file " + file + " is unreadable or corrupt; restore "
                    + "it from backup (a new key would orphan every checkpoint signed so far)", e);
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519");
    }

    @FunctionalInterface
    private interface KeyDecoder<K> {
        K decode(byte[] der) throws GeneralSecurityException;
    }
}
