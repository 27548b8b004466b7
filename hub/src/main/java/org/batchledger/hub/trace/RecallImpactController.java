package org.batchledger.hub.trace;

import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.RefResolver;
import org.batchledger.lineage.genealogy.RecallImpact;
import org.batchledger.lineage.query.Page;
import org.batchledger.lineage.query.RecordQueries;
import org.batchledger.schema.record.LedgerRecord;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code recallImpact}: finished product downstream of a lot, with status and capped path counts. */
@Controller
class RecallImpactController {
    private final RecallImpactService recalls;
    private final RecordQueries records;

    RecallImpactController(RecallImpactService recalls, RecordQueries records) {
        this.recalls = recalls;
        this.records = records;
    }

    @QueryMapping
    RecallImpact recallImpact(@Argument String lot) {
        return recalls.of(lot);
    }

    @SchemaMapping(typeName = "RecallImpact")
    boolean complete(RecallImpact impact) {
        return impact.trace().complete();
    }

    @SchemaMapping(typeName = "RecallImpact")
    Object truncatedBy(RecallImpact impact) {
        return impact.trace().truncatedBy();
    }

    @SchemaMapping(typeName = "RecallImpact")
    boolean cycleDetected(RecallImpact impact) {
        return impact.trace().cycleDetected();
    }

    @SchemaMapping(typeName = "RecallImpact")
    int pathCountCap(RecallImpact impact) {
        return (int) impact.pathCap();
    }

    @SchemaMapping(typeName = "RecallImpact")
    int count(RecallImpact impact) {
        return impact.items().size();
    }

    @SchemaMapping(typeName = "RecallImpact")
    Page<RecallItemView> items(RecallImpact impact, @Argument Integer first, @Argument String after) {
        List<RecallItemView> views = impact.items().stream().map(RecallItemView::of).toList();
        return StablePages.page(views, RecallItemView::sortKey, views::get, first, after);
    }

    @BatchMapping(typeName = "RecallImpact", field = "lot")
    Map<RecallImpact, LedgerRecord> lot(List<RecallImpact> impacts) {
        return RefResolver.one(records, impacts, i -> i.trace().start());
    }

    @BatchMapping(typeName = "RecallItem", field = "record")
    Map<RecallItemView, LedgerRecord> record(List<RecallItemView> items) {
        return RefResolver.one(records, items, RecallItemView::ref);
    }
}
