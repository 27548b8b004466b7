package org.batchledger.hub.record;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.api.scalar.DateRange;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Deviations and what they impact; signatures and what they sign (read at the asOf of their subtree). */
@Controller
class DeviationController {
    private final RecordQueries records;

    DeviationController(RecordQueries records) {
        this.records = records;
    }

    @QueryMapping
    Page<Deviation> deviations(@Argument Integer first, @Argument String after, @Argument DeviationFilter filter) {
        RecordFilter f = RecordFilter.none();
        if (filter != null) {
            DateRange opened = filter.opened() == null ? DateRange.ANY : filter.opened();
            f.equal("status", filter.status()).equal("severity", filter.severity())
                    .between("openedAt", opened.from(), opened.to());
        }
        return records.page(RecordType.DEVIATION, f, Paging.of(first, after));
    }

    @SchemaMapping
    CompletableFuture<List<LedgerRecord>> impacts(Deviation deviation, DataFetchingEnvironment env) {
        return RecordLookup.all(env, deviation.impacts());
    }

    @SchemaMapping
    CompletableFuture<LedgerRecord> signs(Signature signature, DataFetchingEnvironment env) {
        return RecordLookup.one(env, signature.signs());
    }

    record DeviationFilter(Deviation.DeviationStatus status, Deviation.Severity severity, DateRange opened) {
    }
}
