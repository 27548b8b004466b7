package org.batchledger.schema.record;

import java.time.Instant;

/**
 * One entry of a batch record: a parameter's value as recorded, its unit and limits, when it was executed and by
 * whom. The value is kept as recorded (ALCOA "original"); {@code lowerLimit}/{@code upperLimit} may be null.
 */
public record StepRecord(String key, String batchKey, String step, String parameter, String value, String unit,
                         Double lowerLimit, Double upperLimit, Instant executedAt, String performedBy,
                         Provenance provenance) implements LedgerRecord {
    public StepRecord {
        executedAt = Instants.millis(executedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.STEP_RECORD;
    }
}
