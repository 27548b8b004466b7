package org.batchledger.hub.trace;

import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.RefResolver;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLink;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.lineage.query.Page;
import org.batchledger.lineage.query.RecordQueries;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code trace}: the computed trace, its pages of nodes and links, and the records behind them (batched). */
@Controller
class TraceController {
    private final TraceService traces;
    private final RecordQueries records;

    TraceController(TraceService traces, RecordQueries records) {
        this.traces = traces;
        this.records = records;
    }

    @QueryMapping
    TraceResult trace(@Argument String from, @Argument TraceDirection direction, @Argument Integer maxHops,
                      @Argument Integer maxNodes, @Argument Integer asOf) {
        var limits = TraceArguments.limits(maxHops, maxNodes);
        var start = TraceArguments.start(from);
        return traces.trace(start, direction, limits, records.asOf(asOf));
    }

    @SchemaMapping(typeName = "Trace")
    int nodeCount(TraceResult trace) {
        return trace.nodes().size();
    }

    @SchemaMapping(typeName = "Trace")
    Page<TracedNodeView> nodes(TraceResult trace, @Argument Integer first, @Argument String after) {
        return StablePages.page(trace.nodes(), TracedNode::sortKey, i -> view(trace, i), first, after);
    }

    @SchemaMapping(typeName = "Trace")
    Page<TraceLink> links(TraceResult trace, @Argument Integer first, @Argument String after) {
        return StablePages.page(trace.links(), TraceLink::sortKey, trace.links()::get, first, after);
    }

    @BatchMapping(typeName = "Trace", field = "from")
    Map<TraceResult, LedgerRecord> from(List<TraceResult> traces) {
        return RefResolver.one(records, traces, TraceResult::start);
    }

    @BatchMapping(typeName = "TracedNode", field = "record")
    Map<TracedNodeView, LedgerRecord> record(List<TracedNodeView> nodes) {
        return RefResolver.one(records, nodes, TracedNodeView::ref);
    }

    @SchemaMapping(typeName = "TraceLink", field = "from")
    String linkFrom(TraceLink link) {
        return link.from().toString();
    }

    @SchemaMapping(typeName = "TraceLink", field = "to")
    String linkTo(TraceLink link) {
        return link.to().toString();
    }

    private static TracedNodeView view(TraceResult trace, int index) {
        TracedNode n = trace.nodes().get(index);
        return new TracedNodeView(n.ref(), n.hop(), trace.path(index).stream().map(RecordRef::toString).toList());
    }
}
