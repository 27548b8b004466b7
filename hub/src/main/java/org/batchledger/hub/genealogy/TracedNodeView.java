package org.batchledger.hub.genealogy;

import java.util.List;
import org.batchledger.schema.record.RecordRef;

/** GraphQL {@code TracedNode}: one reached lot or batch, its hop and one shortest path from the start. */
record TracedNodeView(RecordRef ref, int hop, List<String> path) {
    public String id() {
        return ref.toString();
    }
}
