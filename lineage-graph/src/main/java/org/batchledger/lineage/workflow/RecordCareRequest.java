package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.Calibration.CalibrationOutcome;

/**
 * A cleaning or a calibration of one piece of equipment, performed by the caller, to be recorded (unverified).
 *
 * @param method  the cleaning method or SOP (cleanings; optional)
 * @param until   a cleaning's end of clean hold time, a calibration's due date (required, after performedAt)
 * @param outcome a calibration's outcome (calibrations only)
 */
public record RecordCareRequest(String equipmentKey, String method, CalibrationOutcome outcome, Instant performedAt,
                                Instant until, Actor actor, String idempotencyKey) {
    public RecordCareRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
