package org.batchledger.hub.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.evidence.EvidenceExporter;
import org.batchledger.lineage.evidence.EvidenceScope;
import org.batchledger.lineage.ledger.Actor;
import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code exportEvidence} and the download of what it built; who may call each is stated in the schema. */
@Controller
class EvidenceController {
    static final String QUERY = "exportEvidence(scope: $scope, id: $id, asOf: $asOf)";
    private final EvidenceStore store;

    EvidenceController(EvidenceStore store) {
        this.store = store;
    }

    /** What the API returns for a built package. */
    record EvidenceExportView(String downloadUrl, String sha256, long sizeBytes, int fileCount, String subject,
                              long asOf, long latest, Instant expiresAt) {
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('inspector', 'qa-reviewer', 'qa-release', 'admin')")
    EvidenceExportView exportEvidence(@Argument EvidenceScope scope, @Argument String id, @Argument Long asOf,
                                      Authentication authentication) {
        Actor actor = CurrentActor.of(authentication);
        EvidenceStore.Built b = store.export(new EvidenceExporter.Request(scope, id, asOf, actor.subject(),
                actor.displayName(), QUERY));
        var e = b.export();
        return new EvidenceExportView(b.downloadUrl(), e.sha256(), e.sizeBytes(), e.fileCount(), e.subject(),
                e.asOf(), e.latest(), b.expiresAt());
    }

    @GetMapping("/api/evidence/{id}.zip")
    @ResponseBody
    @PreAuthorize("hasAnyRole('inspector', 'qa-reviewer', 'qa-release', 'admin')")
    ResponseEntity<?> download(@PathVariable String id, Authentication authentication) throws IOException {
        Path zip = store.open(id, CurrentActor.of(authentication).subject());
        if (zip == null) {
            return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no evidence package of yours is kept under this ID (packages expire; export again)")).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(Files.size(zip))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + ".zip\"")
                .body(new FileSystemResource(zip));
    }
}
