package org.batchledger.hub.release;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.lineage.release.Evidence;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;

/** {@code EvidenceLink}: the record is given when it was asked for and is a node the API serves at that asOf. */
record EvidenceView(String label, LedgerRecord record, String recordId, String url) {
    static List<EvidenceView> of(Collection<Evidence> evidence, Map<RecordRef, LedgerRecord> records) {
        return evidence.stream().map(e -> new EvidenceView(e.label(), records.get(e.record()), e.record().toString(),
                null)).toList();
    }

    /** The references worth loading: node types the API serves (genealogy relationships are not nodes). */
    static List<RecordRef> loadable(Collection<Evidence> evidence) {
        return evidence.stream().map(Evidence::record).filter(r -> GlobalIds.NODE_TYPES.contains(r.type()))
                .distinct().toList();
    }
}
