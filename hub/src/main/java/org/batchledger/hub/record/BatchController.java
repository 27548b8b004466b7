package org.batchledger.hub.record;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.loader.AsOfArgument;
import org.batchledger.hub.api.loader.AsOfContext;
import org.batchledger.hub.api.loader.ChildLists;
import org.batchledger.hub.api.loader.ChildPages;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.api.scalar.DateRange;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.TestResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Batches and what went into and came out of them. Every child field is read at the asOf of its subtree
 * ({@link AsOfContext}) and batched across parents by a DataLoader.
 */
@Controller
class BatchController {
    private final RecordQueries records;
    private final AsOfArgument asOfArgument;

    BatchController(RecordQueries records, AsOfArgument asOfArgument) {
        this.records = records;
        this.asOfArgument = asOfArgument;
    }

    @QueryMapping
    DataFetcherResult<Batch> batch(@Argument String id, @Argument Integer asOf) {
        String key = GlobalIds.keyOf(id, RecordType.BATCH);
        AsOf at = asOfArgument.parse(asOf);
        return AsOfContext.at(records.<Batch>byKey(RecordType.BATCH, key, at)
                .orElseThrow(() -> new NotFoundException(id)), at);
    }

    @QueryMapping
    Page<Batch> batches(@Argument Integer first, @Argument String after, @Argument BatchFilter filter) {
        return records.page(RecordType.BATCH, BatchFilter.toRecordFilter(filter), Paging.of(first, after));
    }

    @SchemaMapping(typeName = "Batch", field = "asOf")
    Integer batchAsOf(Batch batch, DataFetchingEnvironment env) {
        return AsOfContext.treeSize(env);
    }

    @SchemaMapping
    CompletableFuture<Material> product(Batch batch, DataFetchingEnvironment env) {
        return RecordLookup.one(env, new RecordRef(RecordType.MATERIAL, batch.productKey()));
    }

    @SchemaMapping
    CompletableFuture<List<Consumption>> inputs(Batch batch, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.BATCH_INPUTS, batch.key());
    }

    @SchemaMapping
    CompletableFuture<Page> outputs(Batch batch, @Argument Integer first, @Argument String after,
                                    DataFetchingEnvironment env) {
        return ChildPages.load(env, Hop.BATCH_OUTPUTS, batch.key(), first, after);
    }

    @SchemaMapping
    CompletableFuture<Page> stepRecords(Batch batch, @Argument Integer first, @Argument String after,
                                        DataFetchingEnvironment env) {
        return ChildPages.load(env, Hop.BATCH_STEP_RECORDS, batch.key(), first, after);
    }

    @SchemaMapping
    CompletableFuture<List<EquipmentUse>> equipmentUsed(Batch batch, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.BATCH_EQUIPMENT_USE, batch.key());
    }

    @SchemaMapping(typeName = "Batch", field = "testResults")
    CompletableFuture<List<TestResult>> batchTestResults(Batch batch, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.BATCH_TEST_RESULTS, batch.key());
    }

    @SchemaMapping(typeName = "Batch", field = "deviations")
    CompletableFuture<List<Deviation>> batchDeviations(Batch batch, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.BATCH_DEVIATIONS, batch.key());
    }

    @SchemaMapping
    CompletableFuture<List<Signature>> signatures(Batch batch, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.BATCH_SIGNATURES, batch.key());
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
