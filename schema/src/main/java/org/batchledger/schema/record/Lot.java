package org.batchledger.schema.record;

import java.time.Instant;

/**
 * A quantity of one material with one identity: a received raw-material lot (with the supplier's lot number) or a
 * lot a batch produced.
 *
 * @param quantity null when the source states none (a lot master record from an ERP sync), never a made-up zero
 */
public record Lot(String key, String materialKey, LotStatus status, Double quantity, String unit, String supplier,
                  String supplierLot, Instant expiresAt, Provenance provenance) implements LedgerRecord {
    public enum LotStatus { QUARANTINE, IN_PROCESS, IN_STOCK, RELEASED, REJECTED, CONSUMED }

    public Lot {
        expiresAt = Instants.millis(expiresAt);
    }

    /** This lot with another status, everything else as it is (a disposition, or its withdrawal). */
    public Lot withStatus(LotStatus newStatus) {
        return new Lot(key, materialKey, newStatus, quantity, unit, supplier, supplierLot, expiresAt, provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.LOT;
    }
}
