package org.batchledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.batchledger.verifier.proof.Cosignature;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's cosignature checks: the tlog-cosignature message and layout, and k-of-n over distinct witnesses. */
@Tag("REQ-EVIDENCE-024")
class CosignatureQuorumTest {
    @TempDir
    Path dir;

    private final TestLog log = new TestLog("hub.test/ledger", TestLog.newKey()).append("a", "b", "c");

    private WitnessKey witness(String name) {
        return WitnessKey.loadOrCreate(dir.resolve(name), name + ".test/w");
    }

    @Test
    void theSignedMessageIsTheHeaderTheTimeAndTheWholeCheckpointBody() {
        String body = log.checkpoint().body();
        assertThat(new String(Cosignature.message(body, 1679315147L), StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\n" + body);
        WitnessKey w1 = witness("w1");
        String line = w1.cosign(body, 1679315147L);
        byte[] bytes = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).strip());
        assertThat(bytes).hasSize(4 + 8 + 64);
        ByteBuffer layout = ByteBuffer.wrap(bytes);
        assertThat(layout.getInt()).isEqualTo(Cosignature.keyId(w1.name(), w1.rawPublicKey()));
        assertThat(layout.getLong()).isEqualTo(1679315147L);
        assertThat(Cosignature.Witness.of(w1.verifierKey()).verify(log.signedNote() + line).value())
                .isEqualTo(1679315147L);
    }

    @Test
    void requiringTwoWithOneValidCosignatureFailsNamingTheMissingWitness() {
        WitnessKey w1 = witness("w1");
        WitnessKey w2 = witness("w2");
        List<Cosignature.Witness> trusted = List.of(Cosignature.Witness.of(w1.verifierKey()),
                Cosignature.Witness.of(w2.verifierKey()));
        String note = log.signedNote() + w1.cosign(log.checkpoint().body(), 100);
        Cosignature.Quorum quorum = Cosignature.quorum(note, trusted, 2);
        assertThat(quorum.met()).isFalse();
        assertThat(quorum.missing()).containsOnlyKeys(trusted.get(1).label());
        assertThat(quorum.describe()).contains("1 of 2 witnesses cosigned, 2 required")
                .contains("no cosignature by witness " + trusted.get(1).label());
        assertThat(Cosignature.quorum(note, trusted, 1).met()).isTrue();
    }

    @Test
    void aWitnessCountsOnceAndAForgedOrMisplacedCosignatureNotAtAll() {
        WitnessKey w1 = witness("w1");
        Cosignature.Witness trusted = Cosignature.Witness.of(w1.verifierKey());
        String line = w1.cosign(log.checkpoint().body(), 100);
        assertThat(Cosignature.quorum(log.signedNote() + line + line, List.of(trusted, trusted), 1).cosigned())
                .hasSize(1);
        assertThatThrownBy(() -> Cosignature.quorum(log.signedNote() + line, List.of(trusted, trusted), 2))
                .isInstanceOf(IllegalArgumentException.class);
        TestLog other = new TestLog("hub.test/ledger", TestLog.newKey()).append("x");
        assertThat(trusted.verify(other.signedNote() + line).reason()).contains("does not verify");
        String note = w1.cosign(log.checkpoint().body(), 100);
        byte[] bytes = Base64.getDecoder().decode(note.substring(note.lastIndexOf(' ') + 1).strip());
        bytes[11] ^= 1; // the timestamp is signed: changing it breaks the signature
        String tampered = note.substring(0, note.lastIndexOf(' ') + 1) + Base64.getEncoder().encodeToString(bytes)
                + "\n";
        assertThat(trusted.verify(log.signedNote() + tampered).ok()).isFalse();
    }

    @Test
    void aNoteKeyIsNotAWitnessKey() {
        assertThat(Cosignature.Witness.parse(log.verifierKey()).reason()).contains("type 0x04");
    }
}
