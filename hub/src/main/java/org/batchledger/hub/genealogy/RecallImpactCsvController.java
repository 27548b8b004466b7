package org.batchledger.hub.genealogy;

import java.util.List;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.lineage.genealogy.ImpactedItem;
import org.batchledger.lineage.genealogy.RecallImpact;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/recall-impact.csv?lot=<ID>}: the recall list as a file a coordinator can hand on. Same bearer
 * token and roles as {@code recallImpact}. Every row carries the trace's completeness, so a cut trace cannot pass
 * for a full one once the file has left the hub.
 */
@RestController
class RecallImpactCsvController {
    static final List<String> HEADER = List.of("id", "type", "key", "hop", "status", "record_status", "path_count",
            "path_count_capped", "trace_complete", "truncated_by", "cycle_detected");
    private final RecallImpactService recalls;

    RecallImpactCsvController(RecallImpactService recalls) {
        this.recalls = recalls;
    }

    @GetMapping(path = "/api/recall-impact.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam String lot) {
        RecallImpact impact = recalls.of(lot);
        StringBuilder body = new StringBuilder(Csv.line(HEADER));
        impact.items().forEach(i -> body.append(Csv.line(row(i, impact))));
        String file = "recall-impact-" + impact.trace().start().key().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body.toString());
    }

    private static List<Object> row(ImpactedItem i, RecallImpact impact) {
        var t = impact.trace();
        return List.of(i.ref().toString(), i.ref().type().graphName(), i.ref().key(), i.hop(), i.status(),
                i.recordStatus(), i.paths(), i.pathsCapped(), t.complete(),
                t.truncatedBy() == null ? "" : t.truncatedBy(), t.cycleDetected());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<String> badRequest(BadRequestException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
