package org.batchledger.hub.genealogy;

import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.loader.RefResolver;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.genealogy.CommonUpstream;
import org.batchledger.lineage.genealogy.CommonUpstreamAnalysis;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code commonUpstream}: lots and equipment several batches share, ranked. */
@Controller
class CommonUpstreamController {
    static final int MAX_BATCHES = 50;
    private final CommonUpstreamAnalysis analysis;
    private final RefResolver refs;

    CommonUpstreamController(CommonUpstreamAnalysis analysis, RefResolver refs) {
        this.analysis = analysis;
        this.refs = refs;
    }

    record Answer(CommonUpstream result, int first) {
    }

    @QueryMapping
    Answer commonUpstream(@Argument List<String> batches, @Argument Double minShare, @Argument Integer first) {
        if (batches.isEmpty() || batches.size() > MAX_BATCHES) {
            throw new BadRequestException("batches must name 1 to " + MAX_BATCHES + " batches, got " + batches.size());
        }
        double share = minShare == null ? 0.5 : minShare;
        if (share < 0 || share > 1) {
            throw new BadRequestException("minShare must be between 0 and 1, was " + share);
        }
        List<String> keys = batches.stream().map(id -> GlobalIds.keyOf(id, RecordType.BATCH)).distinct().toList();
        int atLeast = Math.max(1, (int) Math.ceil(share * keys.size()));
        int n = Paging.of(first, null).first();
        try {
            return new Answer(analysis.of(keys, TraceLimits.of(TraceLimits.DEFAULT_HOPS, TraceLimits.DEFAULT_NODES), atLeast), n);
        } catch (CommonUpstreamAnalysis.UnknownBatchException e) {
            throw new NotFoundException(batches.stream().filter(id -> id.endsWith(":" + e.key())).findFirst().orElse(e.key()));
        }
    }

    @SchemaMapping(typeName = "CommonUpstream")
    int batches(Answer a) {
        return a.result().batches();
    }

    @SchemaMapping(typeName = "CommonUpstream")
    boolean complete(Answer a) {
        return a.result().complete();
    }

    @SchemaMapping(typeName = "CommonUpstream")
    List<SharedUpstreamView> items(Answer a) {
        return a.result().items().stream().limit(a.first()).map(s -> SharedUpstreamView.of(s, a.result().batches())).toList();
    }

    @BatchMapping(typeName = "SharedUpstream", field = "record")
    Map<SharedUpstreamView, LedgerRecord> record(List<SharedUpstreamView> items) {
        return refs.one(items, SharedUpstreamView::ref);
    }
}
