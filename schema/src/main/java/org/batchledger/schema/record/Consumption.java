package org.batchledger.schema.record;

import java.time.Instant;

/**
 * A lot consumed in a batch: the upstream genealogy edge {@code (Lot)-[:CONSUMED_IN]->(Batch)}.
 *
 * @param quantity null when the source records the consumption but no quantity (the edge is kept, ALCOA reports it
 *                 incomplete), never a made-up zero
 * @param unit     the quantity's unit; null with the quantity
 */
public record Consumption(String key, String lotKey, String batchKey, Double quantity, String unit, String step,
                          Instant at, Provenance provenance) implements LedgerRecord {
    public Consumption {
        at = Instants.millis(at);
    }

    @Override
    public RecordType type() {
        return RecordType.CONSUMPTION;
    }
}
