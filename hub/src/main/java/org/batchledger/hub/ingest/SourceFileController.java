package org.batchledger.hub.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/source-files/{sha256}}: the original of an ingested file, byte for byte, after its hash was
 * checked (409 if the stored bytes no longer match, never the altered bytes). Inspectors and QA.
 */
@RestController
class SourceFileController {
    private final BlobStore blobs;

    SourceFileController(IngestPipeline pipeline) {
        this.blobs = pipeline.blobs();
    }

    @GetMapping("/api/source-files/{sha256}")
    @PreAuthorize("hasAnyRole('inspector', 'qa-reviewer', 'qa-release', 'admin')")
    ResponseEntity<Resource> download(@PathVariable String sha256) throws IOException {
        String sha = sha256.startsWith("sha256:") ? sha256.substring(7) : sha256;
        if (!BlobStore.isSha256(sha)) {
            return ResponseEntity.badRequest().build();
        }
        Path blob;
        try {
            blob = blobs.verified(sha);
        } catch (BlobStore.BlobCorruptException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        if (blob == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(Files.size(blob))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + sha + "\"")
                .header(HttpHeaders.ETAG, "\"" + sha + "\"")
                .body(new FileSystemResource(blob));
    }
}
