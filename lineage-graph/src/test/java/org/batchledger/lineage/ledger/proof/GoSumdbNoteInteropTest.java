package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Ed25519;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.NoteSigner;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with Go's {@code x/mod/sumdb/note} package (repository golang/mod), the reference signed-note
 * implementation: the keys, text and signatures below are the published test vectors of its {@code note_test.go}
 * ({@code TestSign}, {@code TestOpen}, {@code TestNewVerifier}).
 */
@Tag("REQ-LEDGER-006")
class GoSumdbNoteInteropTest {
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY_KEY = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2p"
            + "ZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5"
            + "ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void verifiesANoteSignedByGoTooling() {
        Checked<String> opened = NoteVerifier.of(PETER_VKEY).open(TEXT + "\n" + PETER_SIG);
        assertThat(opened.reason()).isEqualTo("ok");
        assertThat(opened.value()).isEqualTo(TEXT);
    }

    @Test
    void signsByteForByteAsGoTooling() throws Exception {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(PETER_SKEY_KEY), 1, 33);
        PrivateKey privateKey = Ed25519.privateKeyFromSeed(seed);
        byte[] rawPublic = Arrays.copyOfRange(Base64.getDecoder().decode(PETER_VKEY.split("\\+")[2]), 1, 33);
        NoteSigner signer = new NoteSigner("PeterNeumann", privateKey, Ed25519.publicKey(rawPublic));

        assertThat(signer.verifierKey()).isEqualTo(PETER_VKEY);
        assertThat(signer.sign(TEXT)).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void ignoresSignaturesOfOtherKeysButNeedsOneOfItsOwn() {
        String both = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
        assertThat(NoteVerifier.of(PETER_VKEY).open(both).ok()).isTrue();
        assertThat(NoteVerifier.of(ENOCH_VKEY).open(both).ok()).isTrue();
        assertThat(NoteVerifier.of(ENOCH_VKEY).open(TEXT + "\n" + PETER_SIG).reason())
                .isEqualTo("the note has no signature by key EnochRoot+af0cfe78");
    }

    @Test
    void rejectsAForgedSignatureOfItsKey() {
        String forged = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        assertThat(NoteVerifier.of(PETER_VKEY).open(forged).reason())
                .isEqualTo("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void rejectsEveryTruncationAndOneCharacterChangeOfAVerifierKey() {
        for (int i = 0; i < PETER_VKEY.length(); i++) {
            for (int j = i + 1; j <= PETER_VKEY.length(); j++) {
                if (i != 0 || j != PETER_VKEY.length()) {
                    assertThat(NoteVerifier.parse(PETER_VKEY.substring(i, j)).ok()).as("%d..%d", i, j).isFalse();
                }
            }
            char[] changed = PETER_VKEY.toCharArray();
            changed[i]++;
            assertThat(NoteVerifier.parse(new String(changed)).ok()).as("changed %d", i).isFalse();
        }
    }

    @Test
    void rejectsMalformedNotes() {
        NoteVerifier peter = NoteVerifier.of(PETER_VKEY);
        for (String bad : new String[] {TEXT, TEXT + "\n", TEXT + "\n" + PETER_SIG.strip(), "\u0001" + TEXT + "\n"
                + PETER_SIG, TEXT + "\n" + PETER_SIG + "Unexpected line.\n", TEXT + "\n" + PETER_SIG.replace(
                        "PeterNeumann", "Peter Neumann"), TEXT + "\n" + PETER_SIG.repeat(101), null}) {
            assertThat(peter.open(bad).ok()).as(bad).isFalse();
        }
    }
}
