package org.batchledger.hub.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code batchledger.ingest}.
 *
 * @param maxBytes   largest file accepted (HTTP 413 above); the multipart limit is set to the same
 * @param maxRecords most records one file may hold: a file is one transaction, so this bounds its memory
 * @param namespace  prefix of the business keys files name ({@code <namespace>:<id>}), the site's
 * @param dropFolder the watched folder: off unless enabled
 */
@ConfigurationProperties("batchledger.ingest")
record IngestSettings(Long maxBytes, Integer maxRecords, String namespace, DropFolder dropFolder) {
    IngestSettings {
        maxBytes = maxBytes == null ? 256L * 1024 * 1024 : maxBytes;
        maxRecords = maxRecords == null ? 200_000 : maxRecords;
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
