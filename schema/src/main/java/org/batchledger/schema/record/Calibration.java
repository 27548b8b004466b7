package org.batchledger.schema.record;

import java.time.Instant;

/** A calibration of equipment and when the next one is due. */
public record Calibration(String key, String equipmentKey, CalibrationOutcome outcome, Instant performedAt,
                          Instant dueAt, String performedBy, Provenance provenance) implements LedgerRecord {
    public enum CalibrationOutcome { PASS, FAIL, ADJUSTED }

    public Calibration {
        performedAt = Instants.millis(performedAt);
        dueAt = Instants.millis(dueAt);
    }

    @Override
    public RecordType type() {
        return RecordType.CALIBRATION;
    }
}
