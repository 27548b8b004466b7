package org.batchledger.hub.ingest;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload the servlet container stops at the multipart limit (set to the ingest limit) never reaches a
 * controller: 413 with the error in the report's shape, so a client reads one format.
 */
@RestControllerAdvice
class UploadTooLargeAdvice {
    private final IngestSettings settings;

    UploadTooLargeAdvice(IngestSettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("status", "TOO_LARGE",
                "errors", java.util.List.of(Map.of("field", "file", "rule", "INGEST-SIZE-LIMIT",
                        "message", "the file is larger than the limit of " + settings.maxBytes()
                                + " bytes (batchledger.ingest.max-bytes)"))));
    }
}
