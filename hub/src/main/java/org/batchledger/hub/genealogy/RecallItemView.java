package org.batchledger.hub.genealogy;

import org.batchledger.lineage.genealogy.ImpactedItem;
import org.batchledger.lineage.genealogy.RecallStatus;
import org.batchledger.schema.record.RecordRef;

/** GraphQL {@code RecallItem}. */
record RecallItemView(RecordRef ref, int hop, String recordStatus, RecallStatus status, int pathCount,
                      boolean pathCountCapped) {
    static RecallItemView of(ImpactedItem i) {
        return new RecallItemView(i.ref(), i.hop(), i.recordStatus(), i.status(), (int) i.paths(), i.pathsCapped());
    }

    public String id() {
        return ref.toString();
    }

    String sortKey() {
        return String.format("%02d|%s", hop, ref);
    }
}
