package org.batchledger.lineage.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint log's framing: notes (with their blank lines) read back exactly, crashes and damage told apart. */
@Tag("REQ-LEDGER-008")
class CheckpointLogTest {
    @TempDir
    Path keys;

    @Test
    void notesWithTheirBlankLinesReadBackExactlyAndInOrder() {
        CheckpointLog log = CheckpointLog.beside(keys);
        String first = note(3);
        String second = note(9);
        log.append(first, 0);
        log.append(second, log.read().validLength());

        CheckpointLog.Contents contents = log.read();

        assertThat(contents.notes()).containsExactly(first, second);
        assertThat(contents.tornBytes()).isZero();
        assertThat(contents.damage()).isNull();
        assertThat(log.file()).hasFileName("checkpoints.log");
        assertThat(read(log)).startsWith("checkpoint " + first.getBytes(StandardCharsets.UTF_8).length + "\n" + first);
    }

    @Test
    void aRecordCutShortByACrashIsLeftOutAndTheNextAppendReplacesIt() throws Exception {
        CheckpointLog log = CheckpointLog.beside(keys);
        log.append(note(3), 0);
        long intact = log.read().validLength();
        String torn = "checkpoint 180\n" + note(9).substring(0, 40);
        Files.writeString(log.file(), torn, StandardOpenOption.APPEND);

        CheckpointLog.Contents contents = log.read();
        assertThat(contents.notes()).containsExactly(note(3));
        assertThat(contents.validLength()).isEqualTo(intact);
        assertThat(contents.tornBytes()).isEqualTo(torn.length());
        assertThat(contents.damage()).isNull();

        log.append(note(9), contents.validLength());
        assertThat(log.read().notes()).containsExactly(note(3), note(9));
        assertThat(log.read().tornBytes()).isZero();
    }

    @Test
    void aHeaderCutShortIsACrashButOtherBytesAreDamage() throws Exception {
        CheckpointLog log = CheckpointLog.beside(keys);
        log.append(note(3), 0);
        Files.writeString(log.file(), "checkp", StandardOpenOption.APPEND);
        assertThat(log.read().tornBytes()).isEqualTo(6);
        assertThat(log.read().damage()).isNull();

        Files.writeString(log.file(), "oops\n", StandardOpenOption.APPEND);
        assertThat(log.read().damage()).contains("no record header at byte");
        assertThat(log.read().notes()).containsExactly(note(3));
    }

    @Test
    void keptNotesMustVerifyWithTheHubKeyAndGrow(@TempDir Path otherKeys) {
        CheckpointLog log = CheckpointLog.beside(keys);
        NoteVerifier hub = NoteVerifier.of(signer().verifierKey());
        log.append(note(9), 0);
        log.append(note(3), log.read().validLength());
        log.append(SmallPlant.signer(otherKeys).sign(checkpoint(12)), log.read().validLength());

        KeptCheckpoints kept = KeptCheckpoints.read(log, hub);

        assertThat(kept.checkpoints()).extracting(KeptCheckpoints.Kept::treeSize).containsExactly(9L);
        assertThat(kept.problems()).containsExactly(
                "kept checkpoint record 2 (size 3) does not follow size 9",
                "kept checkpoint record 3: the note has no signature by key " + hub.keyName() + "+"
                        + signer().verifierKey().split("\\+")[1]);
    }

    private NoteSigner signer() {
        return SmallPlant.signer(keys);
    }

    private String note(long size) {
        return signer().sign(checkpoint(size));
    }

    private static Checkpoint checkpoint(long size) {
        return Checkpoint.at(SmallPlant.ORIGIN, size, new byte[32], Instant.parse("2026-03-02T07:00:00Z"));
    }

    private static String read(CheckpointLog log) {
        try {
            return Files.readString(log.file());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
