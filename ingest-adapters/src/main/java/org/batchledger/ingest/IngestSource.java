package org.batchledger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one uploaded or dropped file, which an adapter may open more than once.
 *
 * @param fileName the name as given by the sender, for messages only (never used to choose the adapter)
 * @param sha256   lower-case hex of the content
 */
public record IngestSource(Path path, String fileName, long sizeBytes, String sha256) {

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}
