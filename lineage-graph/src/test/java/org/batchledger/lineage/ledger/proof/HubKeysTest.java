package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.NoteSigner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("REQ-LEDGER-007")
class HubKeysTest {
    static final String NAME = "batchledger.example/ledger";

    @TempDir
    Path dir;

    @Test
    void createsTheKeyOnFirstUseAndLoadsTheSameKeyAfterwards() {
        NoteSigner first = HubKeys.loadOrCreate(dir.resolve("keys"), NAME);
        NoteSigner again = HubKeys.loadOrCreate(dir.resolve("keys"), NAME);

        assertThat(again.verifierKey()).isEqualTo(first.verifierKey());
        String note = again.sign("hello\n");
        assertThat(NoteVerifier.of(first.verifierKey()).open(note).ok()).isTrue();
    }

    @Test
    void privateKeyFileIsReadableByItsOwnerOnly() throws Exception {
        HubKeys.loadOrCreate(dir, NAME);
        Path privateKey = dir.resolve(HubKeys.PRIVATE_KEY_FILE);
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        }
    }

    @Test
    void refusesACorruptKeyFileAndNeverRegeneratesOverIt() throws Exception {
        HubKeys.loadOrCreate(dir, NAME);
        Path privateKey = dir.resolve(HubKeys.PRIVATE_KEY_FILE);
        String corrupt = Files.readString(privateKey).replace("MC4CAQ", "XXXXXX");
        Files.writeString(privateKey, corrupt);

        assertThatThrownBy(() -> HubKeys.loadOrCreate(dir, NAME)).isInstanceOf(HubKeyException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("restore");
        assertThat(Files.readString(privateKey)).isEqualTo(corrupt);
    }

    @Test
    void refusesAKeyWithAMissingHalf() throws Exception {
        HubKeys.loadOrCreate(dir, NAME);
        Files.delete(dir.resolve(HubKeys.PUBLIC_KEY_FILE));

        assertThatThrownBy(() -> HubKeys.loadOrCreate(dir, NAME)).isInstanceOf(HubKeyException.class)
                .hasMessageContaining("only one of");
        assertThat(dir.resolve(HubKeys.PUBLIC_KEY_FILE)).doesNotExist();
    }

    @Test
    void refusesPrivateAndPublicKeysOfDifferentPairs() throws Exception {
        HubKeys.loadOrCreate(dir.resolve("a"), NAME);
        HubKeys.loadOrCreate(dir.resolve("b"), NAME);
        Files.copy(dir.resolve("b").resolve(HubKeys.PUBLIC_KEY_FILE), dir.resolve("a").resolve(HubKeys.PUBLIC_KEY_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> HubKeys.loadOrCreate(dir.resolve("a"), NAME)).isInstanceOf(HubKeyException.class)
                .hasMessageContaining("not one key pair");
    }
}
