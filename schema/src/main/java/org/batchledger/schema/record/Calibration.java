package org.batchledger.schema.record;

import java.time.Instant;

/**
 * A calibration of equipment and when the next one is due. It counts only once verified by a second person
 * ({@code verifiedBy} someone other than {@code performedBy}), as a cleaning does.
 *
 * @param verifiedBy who verified it (a second person); null while unverified
 * @param verifiedAt when it was verified; null while unverified
 */
public record Calibration(String key, String equipmentKey, CalibrationOutcome outcome, Instant performedAt,
                          Instant dueAt, String performedBy, String verifiedBy, Instant verifiedAt,
                          Provenance provenance) implements LedgerRecord {
    public enum CalibrationOutcome { PASS, FAIL, ADJUSTED }

    /** The canonical constructor is the one JSON binding uses (there is a second one for unverified calibrations). */
    @jakarta.json.bind.annotation.JsonbCreator
    public Calibration {
        performedAt = Instants.millis(performedAt);
        dueAt = Instants.millis(dueAt);
        verifiedAt = Instants.millis(verifiedAt);
    }

    /** A calibration not (yet) verified; its canonical bytes are those of one recorded before verification. */
    public Calibration(String key, String equipmentKey, CalibrationOutcome outcome, Instant performedAt, Instant dueAt,
                       String performedBy, Provenance provenance) {
        this(key, equipmentKey, outcome, performedAt, dueAt, performedBy, null, null, provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.CALIBRATION;
    }
}
