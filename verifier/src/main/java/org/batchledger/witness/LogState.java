package org.batchledger.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.verifier.proof.SignedNote;

/**
 * The latest checkpoint the witness cosigned for one log, kept as the signed note it received in
 * {@code <state dir>/<hex SHA-256 of the origin>.checkpoint}. Replaced atomically (a temporary file forced to
 * disk, renamed over the old one, the directory forced), so a crash leaves the old state or the new one, never
 * half of either; the note is persisted before the cosignature leaves the witness, as the protocol requires.
 */
final class LogState {
    private final String origin;
    private final Path file;
    private Checkpoint latest;

    private LogState(String origin, Path file, Checkpoint latest) {
        this.origin = origin;
        this.file = file;
        this.latest = latest;
    }

    /** The state of {@code origin} in {@code directory}; a damaged file stops the witness (never starts afresh). */
    static LogState open(Path directory, String origin) {
        String name = HexFormat.of().formatHex(Sha256.of(origin.getBytes(StandardCharsets.UTF_8)));
        Path file = directory.resolve(name + ".checkpoint");
        if (!Files.exists(file)) {
            return new LogState(origin, file, null);
        }
        try {
            String note = Files.readString(file, StandardCharsets.UTF_8);
            Checked<SignedNote> parsed = SignedNote.parse(note);
            Checked<Checkpoint> checkpoint = parsed.ok() ? Checkpoint.parse(parsed.value().text()) : parsed.failure();
            if (!checkpoint.ok() || !checkpoint.value().origin().equals(origin)) {
                throw new WitnessConfigException("the witness state " + file + " of log " + origin + " is damaged ("
                        + (checkpoint.ok() ? "another origin" : checkpoint.reason()) + "); restore it from backup");
            }
            return new LogState(origin, file, checkpoint.value());
        } catch (IOException e) {
            throw new WitnessConfigException("cannot read the witness state " + file + ": " + e.getMessage());
        }
    }

    /** Deletes temporary files a crash left in {@code directory} mid-replace (the state itself is whole). */
    static void removeLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.newDirectoryStream(directory, ".state-*.tmp")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new WitnessConfigException("cannot clean the state directory " + directory + ": " + e.getMessage());
        }
    }

    String origin() {
        return origin;
    }

    /** The latest cosigned checkpoint; empty if this witness never cosigned for the log (size 0). */
    Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    long size() {
        return latest == null ? 0 : latest.treeSize();
    }

    /** Persists the note as the new latest checkpoint; returns only once it is on disk. */
    void replace(Checkpoint checkpoint, String note) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".state-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            move(temporary);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
        latest = checkpoint;
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the state directory cannot replace files atomically: " + file.getParent(), e);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a directory be opened; the rename itself is atomic
        }
    }
}
