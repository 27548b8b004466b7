package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.Ed25519;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.NoteSigner;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checkpoints signed by the hub verify, and every alteration of the signed note is rejected with a reason. */
@Tag("REQ-LEDGER-006")
class SignedCheckpointTest {
    static final String ORIGIN = "batchledger.example/ledger";
    static final Instant TIME = Instant.parse("2026-01-31T08:15:00Z");

    final InMemoryTree tree = InMemoryTree.ofEntries(Rfc6962TestVectorsTest.ENTRIES);
    final Checkpoint checkpoint = Checkpoint.at(ORIGIN, 8, tree.root(8), TIME);
    final NoteSigner signer = signer(ORIGIN);
    final NoteVerifier verifier = NoteVerifier.of(signer.verifierKey());
    final String note = signer.sign(checkpoint);

    @Test
    void signsInTheTlogCheckpointFormat() {
        String root = Base64.getEncoder().encodeToString(tree.root(8));
        assertThat(note).startsWith(ORIGIN + "\n8\n" + root + "\ntime 2026-01-31T08:15:00Z\n\n\u2014 " + ORIGIN + " ");
        assertThat(signer.verifierKey()).matches(ORIGIN + "\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
    }

    @Test
    void verifiesItsOwnCheckpointAndReturnsIt() {
        Checked<Checkpoint> verified = verifier.verifyCheckpoint(note);
        assertThat(verified.reason()).isEqualTo("ok");
        assertThat(verified.value()).isEqualTo(checkpoint);
        assertThat(verified.value().time()).contains(TIME);
    }

    @Test
    void rejectsForgedSignature() {
        String signature = note.substring(note.lastIndexOf(' ') + 1, note.length() - 1);
        byte[] bytes = Base64.getDecoder().decode(signature);
        bytes[10] ^= 1;
        String forged = note.replace(signature, Base64.getEncoder().encodeToString(bytes));
        assertThat(verifier.verifyCheckpoint(forged).reason()).startsWith("invalid signature for key " + ORIGIN);
    }

    @Test
    void rejectsACheckpointSignedByAnotherKeyOfTheSameName() {
        String other = signer(ORIGIN).sign(checkpoint);
        assertThat(verifier.verifyCheckpoint(other).reason()).startsWith("the note has no signature by key");
    }

    @Test
    void rejectsACheckpointSignedByAnUnknownKeyName() {
        String other = signer("someone.example/log").sign(checkpoint);
        assertThat(verifier.verifyCheckpoint(other).reason()).startsWith("the note has no signature by key");
    }

    @Test
    void rejectsAlteredSizeRootOriginOrTime() {
        String root = Base64.getEncoder().encodeToString(tree.root(8));
        String otherRoot = Base64.getEncoder().encodeToString(tree.root(7));
        assertInvalidSignature(note.replace("\n8\n", "\n9\n"));
        assertInvalidSignature(note.replace(root, otherRoot));
        assertInvalidSignature(note.replaceFirst("batchledger.example/ledger\n", "batchledger.example/ledger2\n"));
        assertInvalidSignature(note.replace("08:15:00Z", "08:16:00Z"));
    }

    @Test
    void rejectsExtraOrMissingLines() {
        assertInvalidSignature(note.replace("\n\n", "\nextra\n\n"));
        assertInvalidSignature(note.replace("time 2026-01-31T08:15:00Z\n", ""));
        assertThat(verifier.verifyCheckpoint(note + "trailing line\n").reason()).startsWith("malformed signature line");
        assertThat(verifier.verifyCheckpoint(note.substring(0, note.indexOf('\u2014'))).ok()).isFalse();
        assertThat(verifier.verifyCheckpoint(note.replace("\n\n", "\n")).ok()).isFalse();
    }

    @Test
    void rejectsASignedNoteThatIsNotACheckpoint() {
        assertThat(verifier.verifyCheckpoint(signer.sign("just one line\n")).reason())
                .isEqualTo("a checkpoint needs origin, tree size and root hash lines");
    }

    @Test
    void parsesTheC2spExampleCheckpoint() {
        Checked<Checkpoint> parsed = Checkpoint.parse(
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(parsed.value().treeSize()).isEqualTo(20852163L);
        assertThat(parsed.value().extensions()).isEmpty();
        assertThat(parsed.value().time()).isEmpty();
    }

    @Test
    void rejectsMalformedCheckpointBodies() {
        String root = Base64.getEncoder().encodeToString(tree.root(8));
        String unpadded = root.substring(0, root.length() - 1);
        for (String body : new String[] {"o\n08\n" + root + "\n", "o\n-1\n" + root + "\n", "o\n8\n" + unpadded + "\n",
                "o\n8\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n", "o\n8\n" + root + "\n\n",
                "o\n8\n" + root, "\n8\n" + root + "\n", "o\n99999999999999999999\n" + root + "\n",
                "o\n8\n" + root + "\next\n\n"}) {
            assertThat(Checkpoint.parse(body).ok()).as(body).isFalse();
        }
    }

    private void assertInvalidSignature(String altered) {
        assertThat(verifier.verifyCheckpoint(altered).reason()).startsWith("invalid signature for key " + ORIGIN);
    }

    static NoteSigner signer(String name) {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(name, keys.getPrivate(), keys.getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
