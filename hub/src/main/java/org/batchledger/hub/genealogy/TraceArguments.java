package org.batchledger.hub.genealogy;

import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.schema.record.RecordRef;

/** Checks trace arguments before any graph work: limits first (so the message names the limit), then the start. */
final class TraceArguments {
    private TraceArguments() {
    }

    static TraceLimits limits(Integer maxHops, Integer maxNodes) {
        int hops = maxHops == null ? TraceLimits.DEFAULT_HOPS : maxHops;
        int nodes = maxNodes == null ? TraceLimits.DEFAULT_NODES : maxNodes;
        if (hops < 0 || hops > TraceLimits.MAX_HOPS) {
            throw new BadRequestException("maxHops must be between 0 and " + TraceLimits.MAX_HOPS
                    + " (limit maxHops ≤ " + TraceLimits.MAX_HOPS + "), was " + hops);
        }
        if (nodes < 1 || nodes > TraceLimits.MAX_NODES) {
            throw new BadRequestException("maxNodes must be between 1 and 1,000,000 (limit maxNodes ≤ 1,000,000), was "
                    + nodes);
        }
        return new TraceLimits(hops, nodes, TraceService.TIME_BUDGET);
    }

    /** A Lot or Batch ID; anything else names the types that trace. */
    static RecordRef start(String id) {
        RecordRef ref = GlobalIds.parse(id);
        if (!GenealogyTraversal.TRACEABLE.contains(ref.type())) {
            throw new BadRequestException("id '" + id + "' is a " + ref.type().graphName()
                    + "; traces start at a Lot or a Batch");
        }
        return ref;
    }
}
