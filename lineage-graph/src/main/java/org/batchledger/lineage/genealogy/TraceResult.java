package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.batchledger.schema.record.RecordRef;

/**
 * The answer of one trace: the reached nodes in (hop, ID) order with the start first, the links among them, and
 * whether it is complete. {@code truncatedBy} is null exactly when the trace reached everything reachable.
 */
public record TraceResult(RecordRef start, TraceDirection direction, TraceLimits limits, List<TracedNode> nodes,
                          List<TraceLink> links, Truncation truncatedBy, boolean cycleDetected) {
    public TraceResult {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    public boolean complete() {
        return truncatedBy == null;
    }

    public int maxHop() {
        return nodes.isEmpty() ? 0 : nodes.getLast().hop();
    }

    /** One shortest path from the start to node {@code index}, start first. */
    public List<RecordRef> path(int index) {
        List<RecordRef> path = new ArrayList<>(nodes.get(index).hop() + 1);
        for (int i = index; i >= 0; i = nodes.get(i).parent()) {
            path.add(nodes.get(i).ref());
        }
        Collections.reverse(path);
        return path;
    }

    /** Index of the first node after the one with this sort key (keyset paging); 0 for null. */
    public int indexAfter(String sortKey) {
        if (sortKey == null) {
            return 0;
        }
        int lo = 0;
        int hi = nodes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nodes.get(mid).sortKey().compareTo(sortKey) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
