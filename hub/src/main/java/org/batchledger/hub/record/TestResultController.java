package org.batchledger.hub.record;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.api.scalar.DateRange;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** LIMS results and the lot or batch each is on. */
@Controller
class TestResultController {
    private final RecordQueries records;

    TestResultController(RecordQueries records) {
        this.records = records;
    }

    @QueryMapping
    Page<TestResult> testResults(@Argument Integer first, @Argument String after, @Argument TestResultFilter filter) {
        RecordFilter f = RecordFilter.none();
        if (filter != null) {
            DateRange tested = filter.tested() == null ? DateRange.ANY : filter.tested();
            f.equal("outcome", filter.outcome()).between("testedAt", tested.from(), tested.to());
        }
        return records.page(RecordType.TEST_RESULT, f, Paging.of(first, after));
    }

    @SchemaMapping
    CompletableFuture<LedgerRecord> subject(TestResult result, DataFetchingEnvironment env) {
        // a result that names only a sample is about the lot or batch it was linked to later, if any
        RecordRef subject = result.subject() != null || result.sampleId() == null ? result.subject()
                : records.sampleSubject(result.key()).orElse(null);
        return RecordLookup.one(env, subject);
    }

    record TestResultFilter(TestResult.TestOutcome outcome, DateRange tested) {
    }
}
