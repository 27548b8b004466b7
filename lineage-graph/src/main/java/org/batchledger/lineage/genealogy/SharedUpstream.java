package org.batchledger.lineage.genealogy;

import java.util.List;
import org.batchledger.schema.record.RecordRef;

/**
 * A lot or piece of equipment upstream of several of the given batches: which ones, and the fewest hops from any
 * of them (equipment counts one hop beyond the batch that used it).
 */
public record SharedUpstream(RecordRef ref, List<String> batchKeys, int nearestHop) {
    public SharedUpstream {
        batchKeys = List.copyOf(batchKeys);
    }
}
