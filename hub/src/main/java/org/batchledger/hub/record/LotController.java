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
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Lots, the batch that made each and the batches that consumed it, read at the asOf of their subtree. */
@Controller
class LotController {
    private final RecordQueries records;
    private final AsOfArgument asOfArgument;

    LotController(RecordQueries records, AsOfArgument asOfArgument) {
        this.records = records;
        this.asOfArgument = asOfArgument;
    }

    @QueryMapping
    DataFetcherResult<Lot> lot(@Argument String id, @Argument Integer asOf) {
        String key = GlobalIds.keyOf(id, RecordType.LOT);
        AsOf at = asOfArgument.parse(asOf);
        return AsOfContext.at(records.<Lot>byKey(RecordType.LOT, key, at)
                .orElseThrow(() -> new NotFoundException(id)), at);
    }

    @QueryMapping
    Page<Lot> lots(@Argument Integer first, @Argument String after, @Argument LotFilter filter) {
        RecordFilter f = filter == null ? RecordFilter.none() : RecordFilter.none().equal("status", filter.status())
                .equal("materialKey", GlobalIds.keyOrId(filter.material(), RecordType.MATERIAL));
        return records.page(RecordType.LOT, f, Paging.of(first, after));
    }

    @SchemaMapping(typeName = "Lot", field = "asOf")
    Integer lotAsOf(Lot lot, DataFetchingEnvironment env) {
        return AsOfContext.treeSize(env);
    }

    @SchemaMapping
    CompletableFuture<Material> material(Lot lot, DataFetchingEnvironment env) {
        return RecordLookup.one(env, new RecordRef(RecordType.MATERIAL, lot.materialKey()));
    }

    /** The lot this one is a sub-lot of, at the same asOf; null for a lot that is no sub-lot. */
    @SchemaMapping
    CompletableFuture<Lot> parentLot(Lot lot, DataFetchingEnvironment env) {
        return lot.parentLotKey() == null ? CompletableFuture.completedFuture(null)
                : RecordLookup.one(env, new RecordRef(RecordType.LOT, lot.parentLotKey()));
    }

    @SchemaMapping
    CompletableFuture<Batch> producedBy(Lot lot, DataFetchingEnvironment env) {
        return ChildLists.first(env, Hop.LOT_PRODUCED_BY, lot.key());
    }

    @SchemaMapping
    CompletableFuture<Page> consumedBy(Lot lot, @Argument Integer first, @Argument String after,
                                       DataFetchingEnvironment env) {
        return ChildPages.load(env, Hop.LOT_CONSUMED_BY, lot.key(), first, after);
    }

    @SchemaMapping(typeName = "Lot", field = "testResults")
    CompletableFuture<List<TestResult>> lotTestResults(Lot lot, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.LOT_TEST_RESULTS, lot.key());
    }

    @SchemaMapping(typeName = "Lot", field = "deviations")
    CompletableFuture<List<Deviation>> lotDeviations(Lot lot, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.LOT_DEVIATIONS, lot.key());
    }

    /** The lot each consumption drew from. */
    @SchemaMapping(typeName = "Consumption", field = "lot")
    CompletableFuture<Lot> consumedLot(Consumption consumption, DataFetchingEnvironment env) {
        return RecordLookup.one(env, new RecordRef(RecordType.LOT, consumption.lotKey()));
    }

    record LotFilter(Lot.LotStatus status, String material) {
    }
}
