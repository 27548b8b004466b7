package org.batchledger.hub.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code batchledger.ingest}.
 *
 * @param maxBytes   largest file accepted (HTTP 413 above); the multipart limit is set to the same
 * @param maxRecords   most records one file may hold; a larger file is refused before anything is written. Chunks
 *                     and the publish are bounded whatever the file's size; what grows is the pipeline's 16 bytes
 *                     of key fingerprint per record (at most 32 at the table's fill) and the spool on disk
 * @param chunkRecords records per write transaction of a large file (all of the file is published at once)
 * @param namespace  prefix of the business keys files name ({@code <namespace>:<id>}), the site's
 * @param dropFolder the watched folder: off unless enabled
 */
@ConfigurationProperties("batchledger.ingest")
record IngestSettings(Long maxBytes, Integer maxRecords, String namespace, DropFolder dropFolder,
                      Integer chunkRecords) {
    IngestSettings {
        maxBytes = maxBytes == null ? 256L * 1024 * 1024 : maxBytes;
        // the publish only moves the ledger head (Visibility), so no transaction grows with the file; the heap keeps
        // ≤ 32 bytes of fingerprint per record: 5,000,000 is ≤ 160 MB, beyond what max-bytes usually lets in
        maxRecords = maxRecords == null ? 5_000_000 : maxRecords;
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
