package org.batchledger.hub.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
    ResponseEntity<?> download(@PathVariable String sha256) throws IOException {
        String sha = sha256.startsWith("sha256:") ? sha256.substring(7) : sha256;
        if (!BlobStore.isSha256(sha)) {
            return problem(HttpStatus.BAD_REQUEST, "'" + (sha.length() > 80 ? sha.substring(0, 80) + "…" : sha)
                    + "' is not a SHA-256 in hex (64 characters 0-9a-f, optionally prefixed sha256:)");
        }
        Path blob;
        try {
            blob = blobs.verified(sha);
        } catch (BlobStore.BlobCorruptException e) {
            return problem(HttpStatus.CONFLICT, "the stored original of " + sha
                    + " no longer matches its hash: the blob store was altered; see the hub's log");
        }
        if (blob == null) {
            return problem(HttpStatus.NOT_FOUND, "no source file with SHA-256 " + sha + " is stored");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(Files.size(blob))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + sha + "\"")
                .header(HttpHeaders.ETAG, "\"" + sha + "\"")
                .body(new FileSystemResource(blob));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail)).build();
    }
}
