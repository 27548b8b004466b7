package org.batchledger.lineage.write;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.LedgerRecord;

/**
 * Records to write as one unit, who writes them, why, and the idempotency key that makes a retry harmless.
 * Records may reference each other in any order within one request.
 */
public record WriteRequest(List<LedgerRecord> records, Actor actor, String reason, String idempotencyKey) {
    public WriteRequest {
        records = List.copyOf(records);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public static WriteRequest of(List<? extends LedgerRecord> records, Actor actor, String reason) {
        return new WriteRequest(List.copyOf(records), actor, reason, UUID.randomUUID().toString());
    }
}
