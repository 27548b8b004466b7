package org.batchledger.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.batchledger.verifier.proof.Sha256;

/**
 * Originals, content-addressed: {@code <data-dir>/blobs/sha256/<2 hex>/<64 hex>}. A blob is written to a temporary
 * file, fsynced, renamed into place and its directory fsynced, so a crash leaves either the whole blob or none;
 * a read checks the hash before handing any byte out. The original of a file refused after it was kept is removed
 * again ({@link #discard}), never one a {@code SourceFile} names or another run of this hub is using.
 */
final class BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    private final Map<String, Integer> inUse = new HashMap<>(); // guarded by this

    BlobStore(Path dataDir) {
        this.root = dataDir.resolve("blobs").resolve("sha256");
    }

    /** Keeps the spooled file's bytes under its hash (a no-op when that blob exists). */
    void keep(SpooledFile file) {
        Path target = path(file.sha256());
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), file.sha256(), ".part");
            Files.copy(file.path(), tmp, StandardCopyOption.REPLACE_EXISTING);
            fsync(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsync(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the original " + file.sha256(), e);
        }
    }

    /** Marks the original {@code sha256} as in use by one more run of this hub, until {@link #release}. */
    synchronized void hold(String sha256) {
        inUse.merge(sha256, 1, Integer::sum);
    }

    synchronized void release(String sha256) {
        inUse.computeIfPresent(sha256, (k, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Removes the original of a file refused by a run that holds it, unless another run holds it too or
     * {@code cited} finds a SourceFile naming it. {@code cited} is asked under the lock every hold and release
     * takes, so a run that wrote the same bytes and let go before is seen in the graph, and one that holds them now
     * keeps them; a run that holds them later keeps them anew.
     *
     * @return whether the blob was removed
     */
    synchronized boolean discard(String sha256, BooleanSupplier cited) throws IOException {
        if (inUse.getOrDefault(sha256, 0) > 1 || cited.getAsBoolean()) {
            return false;
        }
        Path p = path(sha256);
        boolean removed = Files.deleteIfExists(p);
        if (removed) {
            fsync(p.getParent());
        }
        return removed;
    }

    /**
     * The blob, after its hash was checked.
     *
     * @throws BlobCorruptException when the stored bytes no longer hash to their name
     */
    Path verified(String sha256) throws IOException {
        Path p = path(sha256);
        if (!Files.exists(p)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(p)) {
            String actual = Sha256.hex(in);
            if (!actual.equals(sha256)) {
                throw new BlobCorruptException(sha256, actual);
            }
        }
        return p;
    }

    static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    private Path path(String sha256) {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a lower-case SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void fsync(Path p) throws IOException {
        try (FileChannel ch = Files.isDirectory(p) ? FileChannel.open(p, StandardOpenOption.READ)
                : FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(p)) {
                throw e; // some file systems cannot sync a directory; the file itself must be synced
            }
        }
    }

    /** A stored original that no longer hashes to its name. */
    static final class BlobCorruptException extends RuntimeException {
        BlobCorruptException(String expected, String actual) {
            super("the stored original " + expected + " now hashes to " + actual);
        }
    }
}
