package org.batchledger.hub.ingest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.ingest.SourceFiles;
import org.batchledger.lineage.ingest.UnlinkedResults;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.write.PendingReference;
import org.batchledger.lineage.write.PendingReferences;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.SourceFile;
import org.batchledger.schema.record.TestResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Ingest reports, the review queue, and the SourceFile behind any record's provenance (batched). */
@Controller
class IngestReportController {
    private static final String FILE_SOURCE = "file:";
    private final ReportStore reports;
    private final GraphDatabase db;
    private final SourceFiles sourceFiles;
    private final UnlinkedResults unlinkedResults;

    IngestReportController(IngestPipeline pipeline, GraphDatabase db) {
        this.reports = pipeline.reports();
        this.db = db;
        this.sourceFiles = new SourceFiles(db);
        this.unlinkedResults = new UnlinkedResults(db);
    }

    @QueryMapping
    Page<IngestReport> ingestReports(@Argument Integer first, @Argument String after) {
        return reports.page(Paging.of(first, after));
    }

    @QueryMapping
    IngestReport ingestReport(@Argument String id) {
        return reports.byId(id).orElseThrow(() -> new NotFoundException(id));
    }

    @QueryMapping
    Page<UnlinkedReference> unlinkedReferences(@Argument Integer first, @Argument String after) {
        Page<PendingReference> p = PendingReferences.list(db, Paging.of(first, after));
        return new Page<>(p.items().stream().map(UnlinkedReference::of).toList(), p.keys(), p.hasNext(), p.hasPrevious());
    }

    @QueryMapping
    Page<TestResult> unlinkedResults(@Argument Integer first, @Argument String after) {
        return unlinkedResults.page(Paging.of(first, after));
    }

    @SchemaMapping(typeName = "IngestReport")
    List<Map<String, Object>> counts(IngestReport report) {
        return report.counts().entrySet().stream().map(e -> Map.<String, Object>of("type", e.getKey(), "count", e.getValue()))
                .toList();
    }

    @BatchMapping(typeName = "IngestReport", field = "sourceFile")
    Map<IngestReport, SourceFile> reportSourceFile(List<IngestReport> reports) {
        Map<String, SourceFile> files = sourceFiles.byKeys(reports.stream().filter(r -> r.sha256() != null)
                .map(r -> "sha256:" + r.sha256()).distinct().toList());
        return reports.stream().filter(r -> files.containsKey("sha256:" + r.sha256()))
                .collect(Collectors.toMap(Function.identity(), r -> files.get("sha256:" + r.sha256()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Provenance", field = "sourceFile")
    Map<Provenance, SourceFile> sourceFile(List<Provenance> provenances) {
        Map<String, SourceFile> files = sourceFiles.byKeys(provenances.stream().map(Provenance::source)
                .filter(s -> s.startsWith(FILE_SOURCE)).map(s -> s.substring(FILE_SOURCE.length())).distinct().toList());
        return provenances.stream().filter(p -> p.source().startsWith(FILE_SOURCE)
                        && files.containsKey(p.source().substring(FILE_SOURCE.length())))
                .collect(Collectors.toMap(Function.identity(), p -> files.get(p.source().substring(FILE_SOURCE.length())),
                        (a, b) -> a));
    }

    @SchemaMapping(typeName = "SourceFile")
    String sha256(SourceFile file) {
        return file.key().substring("sha256:".length());
    }

    @SchemaMapping(typeName = "SourceFile")
    String download(SourceFile file) {
        return "/api/source-files/" + sha256(file);
    }

    /** A pending reference as the API shows it (public: GraphQL reads its accessors by reflection). */
    public record UnlinkedReference(String from, String field, String target, String locator) {
        static UnlinkedReference of(PendingReference p) {
            return new UnlinkedReference(p.from().toString(), p.field(), p.target().toString(), p.locator());
        }
    }
}
