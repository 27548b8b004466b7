package org.batchledger.hub.genealogy;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.loader.AsOfArgument;
import org.batchledger.hub.api.loader.AsOfContext;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLink;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code trace}: the computed trace, its pages of nodes and links, and the records behind them (batched). */
@Controller
class TraceController {
    private final TraceService traces;
    private final AsOfArgument asOfArgument;

    TraceController(TraceService traces, AsOfArgument asOfArgument) {
        this.traces = traces;
        this.asOfArgument = asOfArgument;
    }

    /** The records below the trace (its start, its nodes' records and their fields) are read at its asOf. */
    @QueryMapping
    DataFetcherResult<TraceResult> trace(@Argument String from, @Argument TraceDirection direction,
                                         @Argument Integer maxHops, @Argument Integer maxNodes, @Argument Integer asOf) {
        var limits = TraceArguments.limits(maxHops, maxNodes);
        var start = TraceArguments.start(from);
        AsOf at = asOfArgument.parse(asOf);
        return AsOfContext.at(traces.trace(start, direction, limits, at), at);
    }

    @SchemaMapping(typeName = "Trace", field = "asOf")
    Integer traceAsOf(TraceResult trace, DataFetchingEnvironment env) {
        return AsOfContext.treeSize(env);
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

    @SchemaMapping(typeName = "Trace", field = "from")
    CompletableFuture<LedgerRecord> from(TraceResult trace, DataFetchingEnvironment env) {
        return RecordLookup.one(env, trace.start());
    }

    @SchemaMapping(typeName = "TracedNode", field = "record")
    CompletableFuture<LedgerRecord> record(TracedNodeView node, DataFetchingEnvironment env) {
        return RecordLookup.one(env, node.ref());
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
