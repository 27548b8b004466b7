package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;

/**
 * A request to open a CAPA for one or more deviations.
 *
 * @param deviationKeys   the deviations it addresses (at least one, each recorded)
 * @param action          what is to be done
 * @param authenticatedAt when the caller last authenticated, from their signed token (null: unknown); opening is
 *                        signed, so it needs a recent authentication like a transition
 */
public record OpenCapaRequest(String title, String action, List<String> deviationKeys, Actor actor,
                              Instant authenticatedAt, String idempotencyKey) {
    public OpenCapaRequest {
        deviationKeys = deviationKeys == null ? List.of() : List.copyOf(deviationKeys);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
