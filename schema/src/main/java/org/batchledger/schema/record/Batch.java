package org.batchledger.schema.record;

import java.time.Instant;

/**
 * One execution of a manufacturing stage (ISA-88 batch) making one product.
 *
 * @param startedAt    when it actually started; null until then (never the planned time)
 * @param endedAt      when it actually ended; null until then
 * @param plannedStart when the schedule (an order, a production request) plans it to start; null when unplanned
 * @param plannedEnd   when the schedule plans it to end; not before {@code plannedStart}
 */
public record Batch(String key, String productKey, String stage, BatchStatus status, String masterRecord,
                    Instant startedAt, Instant endedAt, Instant plannedStart, Instant plannedEnd,
                    Provenance provenance) implements LedgerRecord {
    public enum BatchStatus { PLANNED, IN_PROCESS, COMPLETED, UNDER_REVIEW, RELEASED, REJECTED }

    /** The canonical constructor is the one JSON binding uses (the second one is the shape before the new fields). */
    @jakarta.json.bind.annotation.JsonbCreator
    public Batch {
        startedAt = Instants.millis(startedAt);
        endedAt = Instants.millis(endedAt);
        plannedStart = Instants.millis(plannedStart);
        plannedEnd = Instants.millis(plannedEnd);
    }

    /** A batch without planned times (the shape before schedules were kept). */
    public Batch(String key, String productKey, String stage, BatchStatus status, String masterRecord,
                 Instant startedAt, Instant endedAt, Provenance provenance) {
        this(key, productKey, stage, status, masterRecord, startedAt, endedAt, null, null, provenance);
    }

    /** This batch with another status, everything else as it is (a disposition, or its withdrawal). */
    public Batch withStatus(BatchStatus newStatus) {
        return new Batch(key, productKey, stage, newStatus, masterRecord, startedAt, endedAt, plannedStart, plannedEnd,
                provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.BATCH;
    }
}
