package org.batchledger.lineage.workflow;

import java.util.List;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;

/**
 * A request to open a CAPA for one or more deviations.
 *
 * @param deviationKeys the deviations it addresses (at least one, each recorded)
 * @param action        what is to be done
 */
public record OpenCapaRequest(String title, String action, List<String> deviationKeys, Actor actor,
                              String idempotencyKey) {
    public OpenCapaRequest {
        deviationKeys = deviationKeys == null ? List.of() : List.copyOf(deviationKeys);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
