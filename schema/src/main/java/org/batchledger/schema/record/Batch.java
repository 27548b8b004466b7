package org.batchledger.schema.record;

import java.time.Instant;

/** One execution of a manufacturing stage (ISA-88 batch) making one product. */
public record Batch(String key, String productKey, String stage, BatchStatus status, String masterRecord,
                    Instant startedAt, Instant endedAt, Provenance provenance) implements LedgerRecord {
    public enum BatchStatus { PLANNED, IN_PROCESS, COMPLETED, UNDER_REVIEW, RELEASED, REJECTED }

    public Batch {
        startedAt = Instants.millis(startedAt);
        endedAt = Instants.millis(endedAt);
    }

    /** This batch with another status, everything else as it is (a disposition, or its withdrawal). */
    public Batch withStatus(BatchStatus newStatus) {
        return new Batch(key, productKey, stage, newStatus, masterRecord, startedAt, endedAt, provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.BATCH;
    }
}
