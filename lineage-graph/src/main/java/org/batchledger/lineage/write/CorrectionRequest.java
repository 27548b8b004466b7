package org.batchledger.lineage.write;

import java.util.Map;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.RecordType;

/**
 * A correction of one record: the fields to change (stored property names and values; null clears a field), who
 * corrects it, why (mandatory: EU Annex 11 §9, 21 CFR 11.10(e)), and the idempotency key that makes a retry harmless.
 */
public record CorrectionRequest(RecordType type, String key, Map<String, Object> changes, Actor actor, String reason,
                                String idempotencyKey) {
    public CorrectionRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        changes = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(changes));
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
