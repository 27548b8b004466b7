package org.batchledger.hub.release;

import java.util.Collection;
import java.util.List;
import org.batchledger.lineage.release.Evidence;
import org.batchledger.schema.record.RecordRef;

/** {@code EvidenceLink}; its {@code record} is resolved through the shared record DataLoader (one query a level). */
record EvidenceView(String label, RecordRef ref, String recordId, String url) {
    static List<EvidenceView> of(Collection<Evidence> evidence) {
        return evidence.stream().map(e -> new EvidenceView(e.label(), e.record(), e.record().toString(), null)).toList();
    }
}
