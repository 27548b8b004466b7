package org.batchledger.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.batchledger.hub.security.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/ingest} (multipart): {@code file}, optional {@code adapter}, {@code mapping}, {@code about},
 * {@code strict}. Answers the report: 200 ingested (or {@code "duplicate": true} and the earlier report), 422
 * refused with every error, 413 above the size limit, 503 with {@code Retry-After} when the hub's storage or
 * database cannot take it now (nothing written). The {@code adapter} role only.
 */
@RestController
class IngestController {
    private final IngestPipeline pipeline;

    IngestController(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @PostMapping(path = "/api/ingest", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('adapter')")
    ResponseEntity<IngestReport> ingest(@RequestParam("file") MultipartFile file,
                                        @RequestParam(required = false) String adapter,
                                        @RequestParam(required = false) MultipartFile mapping,
                                        @RequestParam(required = false) String about,
                                        @RequestParam(defaultValue = "false") boolean strict,
                                        Authentication auth) throws IOException {
        try (InputStream in = file.getInputStream()) {
            IngestReport report = pipeline.ingest(new Upload(in, name(file), adapter,
                    mapping == null ? null : mapping.getBytes(), about, strict, CurrentActor.of(auth), "http"));
            HttpStatus status = status(report);
            return status == HttpStatus.SERVICE_UNAVAILABLE
                    ? ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, retryAfter(report)).body(report)
                    : ResponseEntity.status(status).body(report);
        }
    }

    static HttpStatus status(IngestReport report) {
        return switch (report.status()) {
            case INGESTED -> HttpStatus.OK;
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case BUSY, STORAGE_FAILED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    // seconds: a busy ledger or an unreachable database soon; storage that failed needs an operator first
    private static String retryAfter(IngestReport report) {
        boolean soon = report.status() == IngestReport.Status.BUSY || report.errors().stream()
                .anyMatch(f -> IngestPipeline.DATABASE_UNAVAILABLE.equals(f.rule()));
        return soon ? "5" : "60";
    }

    private static String name(MultipartFile file) {
        String n = file.getOriginalFilename();
        if (n == null || n.isBlank()) {
            return "upload";
        }
        // the name is for messages only: no directories
        return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    }
}
