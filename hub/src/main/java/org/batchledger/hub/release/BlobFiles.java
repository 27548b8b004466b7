package org.batchledger.hub.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.batchledger.lineage.release.alcoa.RawDataStore;

/**
 * Whether the original of an ingested file is in the hub's blob store ({@code <data-dir>/blobs/sha256/<2>/<hash>},
 * the layout the ingest feature keeps). Existence only: re-hashing every original on every query would be too slow;
 * the download ({@code /api/source-files/{sha256}}) verifies the hash when it serves the file.
 */
final class BlobFiles implements RawDataStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    BlobFiles(Path dataDir) {
        this.root = dataDir.resolve("blobs").resolve("sha256");
    }

    @Override
    public boolean holds(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(root.resolve(sha256.substring(0, 2)).resolve(sha256));
    }
}
