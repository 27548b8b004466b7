package org.batchledger.lineage.write;

import org.batchledger.schema.record.RecordRef;

/**
 * A reference kept open: {@code from}'s field names {@code target}, which is not recorded yet. No edge exists until
 * the target is written; the write that creates it also creates the edge, in the same transaction. Verification
 * binds this both ways: an edge exists exactly when its target's anchor does.
 *
 * @param locator where in its source the referring record was found, when known
 */
public record PendingReference(RecordRef from, String field, RecordRef target, String locator) {
}
