package org.batchledger.lineage.genealogy;

import org.batchledger.schema.record.RecordRef;

/**
 * A lot or batch a trace reached, {@code hop} edges from the start. {@code parent} is the index (in the trace's
 * node list) of its predecessor on one shortest path back to the start — the smallest key among the candidates,
 * so the path is deterministic — or -1 for the start.
 */
public record TracedNode(RecordRef ref, int hop, int parent) {
    /** The order of a trace's nodes and its cursor: hop first (zero-padded), then the global ID. */
    public String sortKey() {
        return sortKey(hop, ref);
    }

    static String sortKey(int hop, RecordRef ref) {
        return String.format("%02d|%s", hop, ref);
    }
}
