package org.batchledger.lineage.write;

import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;

/** A request to withdraw one signature: which, why (mandatory), who, and the idempotency key of the request. */
public record WithdrawalRequest(String signatureKey, String reason, Actor actor, String idempotencyKey) {
    public WithdrawalRequest {
        Objects.requireNonNull(signatureKey, "signatureKey");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
