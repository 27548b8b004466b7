package org.batchledger.schema.record;

import java.time.Instant;
import java.util.List;

/** A change control and the records it affects. */
public record ChangeControl(String key, String title, ChangeStatus status, List<RecordRef> affects,
                            Instant openedAt, Instant closedAt, Provenance provenance) implements LedgerRecord {
    public enum ChangeStatus { OPEN, APPROVED, IMPLEMENTED, CLOSED, REJECTED }

    public ChangeControl {
        affects = List.copyOf(affects);
        openedAt = Instants.millis(openedAt);
        closedAt = Instants.millis(closedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.CHANGE_CONTROL;
    }
}
