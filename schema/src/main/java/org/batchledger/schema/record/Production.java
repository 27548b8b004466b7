package org.batchledger.schema.record;

/** A lot produced by a batch: the downstream genealogy edge {@code (Batch)-[:PRODUCED]->(Lot)}. */
public record Production(String key, String batchKey, String lotKey, double quantity, String unit,
                         Provenance provenance) implements LedgerRecord {
    @Override
    public RecordType type() {
        return RecordType.PRODUCTION;
    }
}
