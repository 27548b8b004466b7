package org.batchledger.schema.record;

import java.time.Instant;

/** Equipment used by a batch in a step: {@code (Batch)-[:USED {from, to, step}]->(Equipment)}. */
public record EquipmentUse(String key, String batchKey, String equipmentKey, String step, Instant from, Instant to,
                           Provenance provenance) implements LedgerRecord {
    public EquipmentUse {
        from = Instants.millis(from);
        to = Instants.millis(to);
    }

    @Override
    public RecordType type() {
        return RecordType.EQUIPMENT_USE;
    }
}
