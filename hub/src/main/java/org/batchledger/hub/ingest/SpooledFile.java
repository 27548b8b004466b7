package org.batchledger.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.batchledger.ingest.ContentSample;
import org.batchledger.verifier.proof.Sha256;

/**
 * An incoming file copied to a temporary file under the data directory while its SHA-256 and size are computed
 * and its head kept for content detection. Stops at the size limit without reading further.
 */
record SpooledFile(Path path, String sha256, long size, byte[] head) implements AutoCloseable {

    /** @throws TooLargeException once more than {@code maxBytes} arrived */
    static SpooledFile of(InputStream in, Path tmpDir, long maxBytes) throws IOException {
        Files.createDirectories(tmpDir);
        Path tmp = Files.createTempFile(tmpDir, "upload-", ".part");
        MessageDigest d = Sha256.digest();
        byte[] head = new byte[ContentSample.SIZE];
        int headLength = 0;
        long size = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                d.update(buf, 0, n);
                out.write(buf, 0, n);
                int take = Math.min(n, head.length - headLength);
                System.arraycopy(buf, 0, head, headLength, take);
                headLength += take;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new SpooledFile(tmp, HexFormat.of().formatHex(d.digest()), size, Arrays.copyOf(head, headLength));
    }

    /** Spool files a crash left behind (a file is spooled only while it is ingested): removed at start. */
    static void removeLeftovers(Path tmpDir) {
        if (!Files.isDirectory(tmpDir)) {
            return;
        }
        try (var files = Files.list(tmpDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the ingest spool " + tmpDir, e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** More bytes than the limit. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long maxBytes) {
            super("the file is larger than the limit of " + maxBytes + " bytes");
        }
    }
}
