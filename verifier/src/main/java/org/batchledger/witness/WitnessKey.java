package org.batchledger.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.batchledger.verifier.proof.Cosignature;
import org.batchledger.verifier.proof.Ed25519;

/**
 * The witness's Ed25519 cosigning key and name, in one text file of three lines: {@code name <key name>},
 * {@code private <base64 PKCS#8>}, {@code public <base64 raw key>}. Created on first start (owner read/write only
 * where the file system has POSIX permissions, and exclusively, so two starts never write two keys) and never
 * replaced: a new key would be a new witness that verifiers do not trust.
 */
record WitnessKey(String name, PrivateKey privateKey, byte[] rawPublicKey) {

    String verifierKey() {
        return Cosignature.verifierKey(name, rawPublicKey);
    }

    /** A cosignature line on the checkpoint body at {@code time} (POSIX seconds). */
    String cosign(String checkpointBody, long time) {
        return Cosignature.sign(name, privateKey, rawPublicKey, checkpointBody, time);
    }

    /** The key in {@code file}, created under {@code name} if the file does not exist. */
    static WitnessKey loadOrCreate(Path file, String name) {
        if (Files.exists(file)) {
            WitnessKey key = load(file);
            if (name != null && !name.equals(key.name())) {
                throw new WitnessConfigException("the key file " + file + " is the key of witness " + key.name()
                        + ", not " + name);
            }
            return key;
        }
        if (name == null || !Ed25519.isKeyName(name)) {
            throw new WitnessConfigException("a new witness key needs --name NAME (no spaces or '+'), e.g. "
                    + "qa.example.com/witness");
        }
        return create(file, name);
    }

    private static WitnessKey create(Path file, String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            WitnessKey key = new WitnessKey(name, pair.getPrivate(), Ed25519.rawPublicKey(pair.getPublic()));
            String text = "name " + name + "\nprivate " + b64(pair.getPrivate().getEncoded()) + "\npublic "
                    + b64(key.rawPublicKey()) + "\n";
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            try {
                Files.createFile(absolute, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(absolute); // no POSIX permissions here; the directory's protection must do
            }
            Files.writeString(absolute, text, StandardCharsets.US_ASCII);
            return key;
        } catch (FileAlreadyExistsException e) {
            throw new WitnessConfigException("the key file " + file + " appeared while creating it; start again");
        } catch (IOException | GeneralSecurityException e) {
            throw new WitnessConfigException("cannot create the witness key " + file + ": " + e.getMessage());
        }
    }

    private static WitnessKey load(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() != 3 || !lines.get(0).startsWith("name ") || !lines.get(1).startsWith("private ")
                    || !lines.get(2).startsWith("public ")) {
                throw new WitnessConfigException("the key file " + file + " is not name/private/public lines");
            }
            String name = lines.get(0).substring(5);
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).substring(8))));
            byte[] raw = Base64.getDecoder().decode(lines.get(2).substring(7));
            PublicKey publicKey = Ed25519.publicKey(raw);
            byte[] probe = "batch-ledger witness key pair check".getBytes(StandardCharsets.US_ASCII);
            if (!Ed25519.isKeyName(name) || !Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
                throw new WitnessConfigException("the key file " + file + " does not hold one named key pair");
            }
            return new WitnessKey(name, privateKey, raw);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new WitnessConfigException("the key file " + file + " is unreadable or corrupt: " + e.getMessage());
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
