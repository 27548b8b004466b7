package org.batchledger.lineage.workflow;

import java.util.List;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.RecordRef;

/**
 * A request for a change: what is to change and the recorded records it affects (equipment, master records,
 * materials, documents …; may be none until it is assessed). The caller is its requester.
 */
public record OpenChangeControlRequest(String title, List<RecordRef> affects, Actor actor, String idempotencyKey) {
    public OpenChangeControlRequest {
        affects = affects == null ? List.of() : List.copyOf(affects);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
