package org.batchledger.hub.quality;

import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.DateRange;
import org.batchledger.hub.api.RefResolver;
import org.batchledger.hub.api.Paging;
import org.batchledger.lineage.query.Page;
import org.batchledger.lineage.query.RecordFilter;
import org.batchledger.lineage.query.RecordQueries;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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

    @BatchMapping
    Map<TestResult, LedgerRecord> subject(List<TestResult> results) {
        return RefResolver.one(records, results, TestResult::subject);
    }

    record TestResultFilter(TestResult.TestOutcome outcome, DateRange tested) {
    }
}
