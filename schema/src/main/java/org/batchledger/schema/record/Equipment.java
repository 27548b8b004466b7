package org.batchledger.schema.record;

/** A piece of equipment: a granulator, a tablet press, a balance. */
public record Equipment(String key, String name, String equipmentClass, String location, Provenance provenance)
        implements LedgerRecord {
    @Override
    public RecordType type() {
        return RecordType.EQUIPMENT;
    }
}
