package org.batchledger.hub.genealogy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.Batched;
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
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Lots, the batch that made each and the batches that consumed it. */
@Controller
class LotController {
    private final RecordQueries records;
    private final Neighbours neighbours;

    LotController(RecordQueries records, Neighbours neighbours) {
        this.records = records;
        this.neighbours = neighbours;
    }

    @QueryMapping
    Lot lot(@Argument String id, @Argument Integer asOf) {
        return records.<Lot>byKey(RecordType.LOT, GlobalIds.keyOf(id, RecordType.LOT), records.asOf(asOf))
                .orElseThrow(() -> new NotFoundException(id));
    }

    @QueryMapping
    Page<Lot> lots(@Argument Integer first, @Argument String after, @Argument LotFilter filter) {
        RecordFilter f = filter == null ? RecordFilter.none() : RecordFilter.none().equal("status", filter.status())
                .equal("materialKey", GlobalIds.keyOrId(filter.material(), RecordType.MATERIAL));
        return records.page(RecordType.LOT, f, Paging.of(first, after));
    }

    @BatchMapping
    Map<Lot, Material> material(List<Lot> lots) {
        return Batched.bySource(lots, Lot::materialKey,
                records.byKeys(RecordType.MATERIAL, Batched.keys(lots, Lot::materialKey)));
    }

    @BatchMapping
    Map<Lot, Batch> producedBy(List<Lot> lots) {
        Map<String, List<Batch>> producers = neighbours.all(Hop.LOT_PRODUCED_BY, Batched.keys(lots, Lot::key));
        Map<Lot, Batch> out = new java.util.LinkedHashMap<>();
        lots.forEach(l -> producers.getOrDefault(l.key(), List.of()).stream().findFirst().ifPresent(b -> out.put(l, b)));
        return out;
    }

    @SchemaMapping
    CompletableFuture<Page> consumedBy(Lot lot, @Argument Integer first, @Argument String after,
                                       DataLoader<ChildPages.Key, Page> pages) {
        return ChildPages.load(pages, Hop.LOT_CONSUMED_BY, lot.key(), first, after);
    }

    @BatchMapping(field = "testResults")
    Map<Lot, List<TestResult>> lotTestResults(List<Lot> lots) {
        return Batched.listsBySource(lots, Lot::key, neighbours.all(Hop.LOT_TEST_RESULTS, Batched.keys(lots, Lot::key)));
    }

    @BatchMapping(field = "deviations")
    Map<Lot, List<Deviation>> lotDeviations(List<Lot> lots) {
        return Batched.listsBySource(lots, Lot::key, neighbours.all(Hop.LOT_DEVIATIONS, Batched.keys(lots, Lot::key)));
    }

    /** The lot each consumption drew from. */
    @BatchMapping(typeName = "Consumption", field = "lot")
    Map<Consumption, Lot> consumedLot(List<Consumption> consumptions) {
        return Batched.bySource(consumptions, Consumption::lotKey,
                records.byKeys(RecordType.LOT, Batched.keys(consumptions, Consumption::lotKey)));
    }

    record LotFilter(Lot.LotStatus status, String material) {
    }
}
