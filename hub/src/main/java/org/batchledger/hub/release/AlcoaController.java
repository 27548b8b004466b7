package org.batchledger.hub.release;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.loader.AsOfContext;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.lineage.release.alcoa.AlcoaEvaluation;
import org.batchledger.lineage.release.alcoa.AlcoaFinding;
import org.batchledger.lineage.release.alcoa.AlcoaPrinciple;
import org.batchledger.lineage.release.alcoa.AlcoaRule;
import org.batchledger.lineage.release.alcoa.FindingSeverity;
import org.batchledger.lineage.release.alcoa.PrincipleResult;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.LedgerRecord;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code alcoa} and {@code alcoaRules}. The report is put in the local context at the tree size it was evaluated
 * at, so the batch and the records findings point at are read as the engine read them.
 */
@Controller
class AlcoaController {
    private final AlcoaService alcoa;

    AlcoaController(AlcoaService alcoa) {
        this.alcoa = alcoa;
    }

    @QueryMapping
    DataFetcherResult<AlcoaEvaluation> alcoa(@Argument String batch, @Argument Integer asOf) {
        AlcoaEvaluation evaluation = alcoa.assess(batch, asOf);
        return AsOfContext.at(evaluation, new AsOf(evaluation.treeSize()));
    }

    @QueryMapping
    List<AlcoaRule> alcoaRules() {
        return alcoa.rules();
    }

    @SchemaMapping(typeName = "AlcoaReport")
    int criticalFindings(AlcoaEvaluation evaluation) {
        return evaluation.criticalFindings().size();
    }

    @SchemaMapping(typeName = "AlcoaReport")
    Page<AlcoaFinding> findings(AlcoaEvaluation evaluation, @Argument Integer first, @Argument String after,
                                @Argument AlcoaPrinciple principle, @Argument FindingSeverity severity) {
        return FindingPages.page(evaluation.findings(), f -> (principle == null || f.principle() == principle)
                && (severity == null || f.severity() == severity), first, after);
    }

    @SchemaMapping(typeName = "AlcoaPrincipleResult", field = "findings")
    Page<AlcoaFinding> principleFindings(PrincipleResult result, @Argument Integer first, @Argument String after) {
        return FindingPages.page(result.findings(), f -> true, first, after);
    }

    @SchemaMapping(typeName = "AlcoaRule")
    List<Map<String, String>> parameters(AlcoaRule rule) {
        return rule.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList();
    }

    @SchemaMapping(typeName = "AlcoaFinding")
    CompletableFuture<LedgerRecord> record(AlcoaFinding finding, DataFetchingEnvironment env) {
        return RecordLookup.one(env, finding.record());
    }

    @SchemaMapping(typeName = "AlcoaFinding")
    String recordId(AlcoaFinding finding) {
        return finding.record().toString();
    }

    /** One evidence shape for the whole release feature ({@link EvidenceView}), resolved in ReleaseController. */
    @SchemaMapping(typeName = "AlcoaFinding")
    List<EvidenceView> evidence(AlcoaFinding finding) {
        return finding.evidence().stream().map(e -> new EvidenceView(e.label(), e.record(),
                e.record() == null ? null : e.record().toString(), e.url())).toList();
    }
}
