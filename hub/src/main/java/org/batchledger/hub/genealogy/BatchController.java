package org.batchledger.hub.genealogy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.Batched;
import org.batchledger.hub.api.DateRange;
import org.batchledger.hub.api.ChildPages;
import org.batchledger.hub.api.GlobalIds;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.Paging;
import org.batchledger.lineage.query.Neighbours;
import org.batchledger.lineage.query.Neighbours.Hop;
import org.batchledger.lineage.query.Page;
import org.batchledger.lineage.query.RecordFilter;
import org.batchledger.lineage.query.RecordQueries;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.TestResult;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Batches and what went into and came out of them. */
@Controller
class BatchController {
    private final RecordQueries records;
    private final Neighbours neighbours;

    BatchController(RecordQueries records, Neighbours neighbours) {
        this.records = records;
        this.neighbours = neighbours;
    }

    @QueryMapping
    Batch batch(@Argument String id, @Argument Integer asOf) {
        return records.<Batch>byKey(RecordType.BATCH, GlobalIds.keyOf(id, RecordType.BATCH), records.asOf(asOf))
                .orElseThrow(() -> new NotFoundException(id));
    }

    @QueryMapping
    Page<Batch> batches(@Argument Integer first, @Argument String after, @Argument BatchFilter filter) {
        return records.page(RecordType.BATCH, BatchFilter.toRecordFilter(filter), Paging.of(first, after));
    }

    @BatchMapping
    Map<Batch, Material> product(List<Batch> batches) {
        Map<String, Material> byKey = records.byKeys(RecordType.MATERIAL, Batched.keys(batches, Batch::productKey));
        return Batched.bySource(batches, Batch::productKey, byKey);
    }

    @BatchMapping
    Map<Batch, List<Consumption>> inputs(List<Batch> batches) {
        return Batched.listsBySource(batches, Batch::key, neighbours.all(Hop.BATCH_INPUTS, Batched.keys(batches, Batch::key)));
    }

    @SchemaMapping
    CompletableFuture<Page> outputs(Batch batch, @Argument Integer first, @Argument String after,
                                    DataLoader<ChildPages.Key, Page> pages) {
        return ChildPages.load(pages, Hop.BATCH_OUTPUTS, batch.key(), first, after);
    }

    @SchemaMapping
    CompletableFuture<Page> stepRecords(Batch batch, @Argument Integer first, @Argument String after,
                                        DataLoader<ChildPages.Key, Page> pages) {
        return ChildPages.load(pages, Hop.BATCH_STEP_RECORDS, batch.key(), first, after);
    }

    @BatchMapping
    Map<Batch, List<EquipmentUse>> equipmentUsed(List<Batch> batches) {
        return children(batches, Hop.BATCH_EQUIPMENT_USE);
    }

    @BatchMapping(field = "testResults")
    Map<Batch, List<TestResult>> batchTestResults(List<Batch> batches) {
        return children(batches, Hop.BATCH_TEST_RESULTS);
    }

    @BatchMapping(field = "deviations")
    Map<Batch, List<Deviation>> batchDeviations(List<Batch> batches) {
        return children(batches, Hop.BATCH_DEVIATIONS);
    }

    @BatchMapping
    Map<Batch, List<Signature>> signatures(List<Batch> batches) {
        return children(batches, Hop.BATCH_SIGNATURES);
    }

    private <T extends org.batchledger.schema.record.LedgerRecord> Map<Batch, List<T>> children(List<Batch> batches, Hop hop) {
        return Batched.listsBySource(batches, Batch::key, neighbours.<T>all(hop, Batched.keys(batches, Batch::key)));
    }

    /** The API's batch filter; property names are fixed here, never taken from input. */
    record BatchFilter(Batch.BatchStatus status, String product, String stage, DateRange started) {
        static RecordFilter toRecordFilter(BatchFilter f) {
            if (f == null) {
                return RecordFilter.none();
            }
            DateRange range = f.started() == null ? DateRange.ANY : f.started();
            return RecordFilter.none().equal("status", f.status())
                    .equal("productKey", GlobalIds.keyOrId(f.product(), RecordType.MATERIAL))
                    .equal("stage", f.stage()).between("startedAt", range.from(), range.to());
        }
    }
}
