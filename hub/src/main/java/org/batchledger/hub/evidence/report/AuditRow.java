package org.batchledger.hub.evidence.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit-trail row: who did what, when, old to new, and why.
 *
 * @param seq      the ledger sequence number of the entry behind the row
 * @param at       when (printed in UTC)
 * @param who      the actor (printed name and user id)
 * @param action   what was done (e.g. {@code CREATE}, {@code CORRECT}, {@code SIGN})
 * @param field    the field changed, or null for a row about the whole record
 * @param oldValue the value before, or null
 * @param newValue the value after, or null
 * @param reason   the reason given, or null
 */
public record AuditRow(long seq, Instant at, String who, String action, String field, String oldValue,
        String newValue, String reason) {

    /** A row that names a field and gives it a value other than the one it had. */
    public boolean changesAField() {
        return field != null && !Objects.equals(oldValue, newValue);
    }
}
