package org.batchledger.schema.record;

import java.time.Instant;

/** A cleaning of equipment; {@code validUntil} is the end of its clean hold time. */
public record Cleaning(String key, String equipmentKey, String method, Instant performedAt, Instant validUntil,
                       String performedBy, Provenance provenance) implements LedgerRecord {
    public Cleaning {
        performedAt = Instants.millis(performedAt);
        validUntil = Instants.millis(validUntil);
    }

    @Override
    public RecordType type() {
        return RecordType.CLEANING;
    }
}
