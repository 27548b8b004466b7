package org.batchledger.lineage.genealogy;

import java.util.List;

/** The finished product a lot went into, with the trace it came from (complete or why not). */
public record RecallImpact(TraceResult trace, List<ImpactedItem> items, long pathCap) {
    public RecallImpact {
        items = List.copyOf(items);
    }
}
