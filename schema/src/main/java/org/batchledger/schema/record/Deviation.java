package org.batchledger.schema.record;

import java.time.Instant;
import java.util.List;

/** A deviation and the batches, lots or equipment it impacts. */
public record Deviation(String key, String title, Severity severity, DeviationStatus status, List<RecordRef> impacts,
                        Instant openedAt, Instant closedAt, Provenance provenance) implements LedgerRecord {
    public enum Severity { MINOR, MAJOR, CRITICAL }

    public enum DeviationStatus { OPEN, UNDER_INVESTIGATION, CLOSED }

    public Deviation {
        impacts = List.copyOf(impacts);
        openedAt = Instants.millis(openedAt);
        closedAt = Instants.millis(closedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.DEVIATION;
    }
}
