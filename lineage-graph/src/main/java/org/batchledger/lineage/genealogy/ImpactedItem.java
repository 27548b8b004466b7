package org.batchledger.lineage.genealogy;

import org.batchledger.schema.record.RecordRef;

/**
 * A finished-product lot or batch downstream of a recalled lot: its hop distance, recorded status, recall status,
 * and how many distinct paths lead to it — {@code pathsCapped} when the count reached the cap (or a cycle).
 */
public record ImpactedItem(RecordRef ref, int hop, String recordStatus, RecallStatus status, long paths,
                           boolean pathsCapped) {
}
