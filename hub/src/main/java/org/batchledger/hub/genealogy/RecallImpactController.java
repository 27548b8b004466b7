package org.batchledger.hub.genealogy;

import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.loader.RefResolver;
import org.batchledger.lineage.genealogy.RecallImpact;
import org.batchledger.lineage.store.Page;
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
    private final RefResolver refs;

    RecallImpactController(RecallImpactService recalls, RefResolver refs) {
        this.recalls = recalls;
        this.refs = refs;
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
        return refs.one(impacts, i -> i.trace().start());
    }

    @BatchMapping(typeName = "RecallItem", field = "record")
    Map<RecallItemView, LedgerRecord> record(List<RecallItemView> items) {
        return refs.one(items, RecallItemView::ref);
    }
}
