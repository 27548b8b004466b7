package org.batchledger.lineage.write;

import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;

/**
 * What every ledgered command carries besides its changes.
 *
 * @param requestHash the request's canonical hash ({@link RequestHash}): an idempotency key is bound to it, so a
 *                    retry with the same key and other content is a conflict, not a replay
 */
public record CommandHeader(String idempotencyKey, Actor actor, String reason, String requestHash) {
    public CommandHeader {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestHash, "requestHash");
    }
}
