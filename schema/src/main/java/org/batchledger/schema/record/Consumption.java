package org.batchledger.schema.record;

import java.time.Instant;

/** A lot consumed in a batch: the upstream genealogy edge {@code (Lot)-[:CONSUMED_IN]->(Batch)}. */
public record Consumption(String key, String lotKey, String batchKey, double quantity, String unit, String step,
                          Instant at, Provenance provenance) implements LedgerRecord {
    public Consumption {
        at = Instants.millis(at);
    }

    @Override
    public RecordType type() {
        return RecordType.CONSUMPTION;
    }
}
