package org.batchledger.schema.record;

import java.time.Instant;
import java.util.List;

/**
 * A change control and the records it affects. Its status moves only through the change-control workflow: OPEN (the
 * change requested) → ASSESSED (impact on equipment, recipes and specifications, and whether it needs validation) →
 * APPROVED (by someone other than the requester) → IMPLEMENTED → CLOSED, or REJECTED from OPEN or ASSESSED; each
 * step a signed transition.
 *
 * @param impactOnEquipment      the assessed impact on equipment ("none" is an answer); null until assessed
 * @param impactOnRecipes        the assessed impact on recipes and master batch records; null until assessed
 * @param impactOnSpecifications the assessed impact on specifications; null until assessed
 * @param validationImpact       whether the change needs (re)validation; null until assessed
 */
public record ChangeControl(String key, String title, ChangeStatus status, List<RecordRef> affects,
                            Instant openedAt, Instant closedAt, String impactOnEquipment, String impactOnRecipes,
                            String impactOnSpecifications, ValidationImpact validationImpact, Provenance provenance)
        implements LedgerRecord {
    /** OPEN is "requested"; ASSESSED was added after the others, so ledgered names stay as they were. */
    public enum ChangeStatus { OPEN, ASSESSED, APPROVED, IMPLEMENTED, CLOSED, REJECTED }

    /** Whether the change needs (re)validation: yes or no, an enum because canonical bytes have no booleans. */
    public enum ValidationImpact { YES, NO }

    /** The canonical constructor is the one JSON binding uses (there is a second one for unassessed changes). */
    @jakarta.json.bind.annotation.JsonbCreator
    public ChangeControl {
        affects = List.copyOf(affects);
        openedAt = Instants.millis(openedAt);
        closedAt = Instants.millis(closedAt);
    }

    /** A change control not yet assessed (as requested or ingested). */
    public ChangeControl(String key, String title, ChangeStatus status, List<RecordRef> affects, Instant openedAt,
                         Instant closedAt, Provenance provenance) {
        this(key, title, status, affects, openedAt, closedAt, null, null, null, null, provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.CHANGE_CONTROL;
    }
}
