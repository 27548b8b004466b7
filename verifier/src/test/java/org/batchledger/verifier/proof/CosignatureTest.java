package org.batchledger.verifier.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * cosignature/v1 as C2SP tlog-cosignature specifies: the verifier accepts a witness's cosignature written by the
 * spec's rules (here by hand), and refuses one over another checkpoint, another time, or by another key.
 */
@Tag("REQ-EVIDENCE-018")
class CosignatureTest {
    private static final String WITNESS = "witness.example/w1";

    @Test
    void aCosignatureWrittenByTheSpecsRulesVerifiesAndAnAlteredOneDoesNot() throws Exception {
        KeyPair hubKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteSigner hub = new NoteSigner("hub.example/log", hubKey.getPrivate(), hubKey.getPublic());
        Checkpoint cp = Checkpoint.at("hub.example/log", 7, Sha256.of("x".getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-11-26T10:00:00Z"));
        KeyPair w = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Ed25519.rawPublicKey(w.getPublic());
        long time = 1_795_000_000L;
        byte[] sig = Ed25519.sign(w.getPrivate(), Cosignature.message(cp.body(), time));
        String line = "— " + WITNESS + " " + Base64.getEncoder().encodeToString(ByteBuffer.allocate(76)
                .putInt(Cosignature.keyId(WITNESS, raw)).putLong(time).put(sig).array()) + "\n";
        String note = hub.sign(cp) + line;
        byte[] typed = new byte[33];
        typed[0] = Cosignature.KEY_TYPE;
        System.arraycopy(raw, 0, typed, 1, 32);
        String key = WITNESS + "+" + String.format("%08x", Cosignature.keyId(WITNESS, raw)) + "+"
                + Base64.getEncoder().encodeToString(typed);
        Cosignature.Witness verifier = Cosignature.Witness.parse(key).value();

        assertThat(verifier.verify(note).value()).isEqualTo(time);
        assertThat(NoteVerifier.of(hub.verifierKey()).verifyCheckpoint(note).ok()).isTrue();
        String otherCheckpoint = hub.sign(Checkpoint.at("hub.example/log", 8, cp.rootHash(), Instant.EPOCH)) + line;
        assertThat(verifier.verify(otherCheckpoint).reason()).contains("does not verify");
        assertThat(Cosignature.Witness.parse(hub.verifierKey()).reason()).contains("type 0x04");
    }
}
