package org.batchledger.schema.record;

import java.time.Instant;
import java.util.List;

/**
 * A corrective and preventive action and the deviations it addresses. Its status moves only through the CAPA
 * workflow (OPENED → IMPLEMENTED → EFFECTIVENESS_CHECKED → CLOSED), each step a signed transition.
 *
 * @param deviations the deviations it addresses (at least one)
 * @param action     what is to be done
 */
public record Capa(String key, String title, String action, CapaStatus status, List<RecordRef> deviations,
                   Instant openedAt, Instant closedAt, Provenance provenance) implements LedgerRecord {
    public enum CapaStatus { OPENED, IMPLEMENTED, EFFECTIVENESS_CHECKED, CLOSED }

    public Capa {
        deviations = List.copyOf(deviations);
        openedAt = Instants.millis(openedAt);
        closedAt = Instants.millis(closedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.CAPA;
    }
}
