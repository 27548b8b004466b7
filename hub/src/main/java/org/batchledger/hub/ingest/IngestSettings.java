package org.batchledger.hub.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code batchledger.ingest}.
 *
 * @param maxBytes   largest file accepted (HTTP 413 above); the multipart limit is set to the same
 * @param maxRecords   most records one file may hold; a larger file is refused before anything is written. Chunks
 *                     are bounded, but the publish needs about 6.5 KB of Neo4j transaction memory per record
 *                     (bench/RESULTS.md): this bound follows the heap
 * @param chunkRecords records per write transaction of a large file (all of the file is published at once)
 * @param namespace  prefix of the business keys files name ({@code <namespace>:<id>}), the site's
 * @param dropFolder the watched folder: off unless enabled
 */
@ConfigurationProperties("batchledger.ingest")
record IngestSettings(Long maxBytes, Integer maxRecords, String namespace, DropFolder dropFolder,
                      Integer chunkRecords) {
    IngestSettings {
        maxBytes = maxBytes == null ? 256L * 1024 * 1024 : maxBytes;
        // the publish unmarks every staged record in one transaction, about 6.5 KB of transaction memory each
        // (bench/RESULTS.md): 300,000 fit the 2.1 GiB Neo4j allows at a 3 GB heap; raise it with the heap
        maxRecords = maxRecords == null ? 300_000 : maxRecords;
        chunkRecords = chunkRecords == null ? 10_000 : chunkRecords;
        namespace = namespace == null || namespace.isBlank() ? "site" : namespace;
        dropFolder = dropFolder == null ? new DropFolder(false, null) : dropFolder;
    }

    /** @param poll how often the inbox is looked at; a file is taken when its size and mtime held for one poll */
    record DropFolder(boolean enabled, Duration poll) {
        DropFolder {
            poll = poll == null ? Duration.ofSeconds(2) : poll;
        }
    }
}
