package org.batchledger.hub.genealogy;

import java.util.List;
import org.batchledger.lineage.genealogy.SharedUpstream;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/** GraphQL {@code SharedUpstream}. */
record SharedUpstreamView(RecordRef ref, int sharedBy, double share, List<String> batches, int nearestHop) {
    static SharedUpstreamView of(SharedUpstream s, int total) {
        return new SharedUpstreamView(s.ref(), s.batchKeys().size(), (double) s.batchKeys().size() / total,
                s.batchKeys().stream().map(k -> new RecordRef(RecordType.BATCH, k).toString()).toList(), s.nearestHop());
    }

    public String id() {
        return ref.toString();
    }
}
