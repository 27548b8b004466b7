package org.batchledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.util.List;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Cosignature;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A witness stopped and started again over the same state directory and key. */
@Tag("REQ-EVIDENCE-005")
class WitnessRestartTest {
    private static final String ORIGIN = WitnessProtocolTest.ORIGIN;

    @TempDir
    Path dir;
    private final KeyPair logKey = TestLog.newKey();
    private final TestLog log = new TestLog(ORIGIN, logKey);

    private WitnessCommand.Running start() {
        return WitnessCommand.start(List.of("--listen", "127.0.0.1:0", "--state", dir.resolve("state").toString(),
                "--key", dir.resolve("witness.key").toString(), "--name", "qa.test/witness",
                "--log", ORIGIN + "=" + log.verifierKey()), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @Test
    @Tag("REQ-EVIDENCE-023")
    void aRestartedWitnessRefusesACheckpointInconsistentWithWhatItCosignedBefore() throws Exception {
        log.append("a", "b", "c");
        String key;
        try (WitnessCommand.Running witness = start()) {
            key = witness.verifierKey();
            assertThat(WitnessProtocolTest.post(witness, log.request(0)).statusCode()).isEqualTo(200);
        }
        TestLog fork = new TestLog(ORIGIN, logKey).append("a", "b", "X", "d");
        try (WitnessCommand.Running witness = start()) {
            assertThat(witness.verifierKey()).as("the same key after a restart").isEqualTo(key);
            assertThat(WitnessProtocolTest.post(witness, fork.request(3)).statusCode()).isEqualTo(422);
            assertThat(WitnessProtocolTest.post(witness, fork.request(0)).body()).as("it remembers size 3")
                    .isEqualTo("3\n");
            log.append("d");
            var response = WitnessProtocolTest.post(witness, log.request(3));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Cosignature.Witness.of(key).verify(log.signedNote() + response.body()).ok()).isTrue();
        }
        Path leftover = dir.resolve("state").resolve(".state-crash.tmp");
        Files.writeString(leftover, "half a note"); // what a crash in the middle of a replace leaves
        try (WitnessCommand.Running witness = start()) {
            assertThat(WitnessProtocolTest.post(witness, log.request(3)).body()).isEqualTo("4\n");
        }
        assertThat(leftover).doesNotExist();
    }

    @Test
    @Tag("REQ-EVIDENCE-023")
    void aDamagedStateStopsTheWitnessInsteadOfStartingAfresh() throws Exception {
        log.append("a");
        try (WitnessCommand.Running witness = start()) {
            assertThat(WitnessProtocolTest.post(witness, log.request(0)).statusCode()).isEqualTo(200);
        }
        Path state;
        try (var files = Files.list(dir.resolve("state"))) {
            state = files.filter(f -> f.toString().endsWith(".checkpoint")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(state)).as("the note as received").isEqualTo(log.signedNote());
        Files.writeString(state, "hub.test/ledger\n1\n");
        assertThatThrownBy(this::start).isInstanceOf(WitnessConfigException.class).hasMessageContaining(
                state.toString()).hasMessageContaining("damaged");
    }

    @Test
    @Tag("REQ-EVIDENCE-020")
    void theKeyIsCreatedOwnerOnlyAndPrintedAsACosignatureVerifierKey() throws Exception {
        String key;
        try (WitnessCommand.Running witness = start()) {
            key = witness.verifierKey();
            assertThat(witness.url().getHost()).isEqualTo("127.0.0.1");
        }
        Path file = dir.resolve("witness.key");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
        }
        Checked<Cosignature.Witness> parsed = Cosignature.Witness.parse(key);
        assertThat(parsed.ok()).as(parsed.reason()).isTrue();
        assertThat(key).startsWith("qa.test/witness+");
        assertThat(NoteVerifier.parse(key).ok()).as("not a note (0x01) key").isFalse();
        assertThatThrownBy(() -> WitnessKey.loadOrCreate(file, "another.test/witness"))
                .isInstanceOf(WitnessConfigException.class).hasMessageContaining("qa.test/witness");
    }

    @Test
    @Tag("REQ-EVIDENCE-020")
    void theCommandPrintsItsKeyOrRefusesBadUsageWithStatus2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(WitnessCommand.run(new String[] {"--listen", "127.0.0.1:0"}, out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: witness");
        assertThat(WitnessCommand.run(new String[] {"--listen", "nowhere", "--state", "s", "--key", "k", "--log",
                ORIGIN + "=" + log.verifierKey()}, out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--listen takes HOST:PORT");
        assertThat(WitnessCommand.run(new String[] {"--listen", "127.0.0.1:0", "--state", "s", "--key", "k",
                "--log", ORIGIN + "=garbage"}, out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--log " + ORIGIN);
    }
}
