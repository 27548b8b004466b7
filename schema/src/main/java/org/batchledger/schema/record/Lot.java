package org.batchledger.schema.record;

import java.time.Instant;

/**
 * A quantity of one material with one identity: a received raw-material lot (with the supplier's lot number) or a
 * lot a batch produced.
 *
 * @param quantity null when the source states none (a lot master record from an ERP sync), never a made-up zero
 * @param parentLotKey the lot this one is a sub-lot of (ISA-95 MaterialSubLot: a container, drum or portion of it);
 *                     null for a lot that is no part of another. Stored as a {@code SUBLOT_OF} edge to the parent.
 */
public record Lot(String key, String materialKey, LotStatus status, Double quantity, String unit, String supplier,
                  String supplierLot, Instant expiresAt, String parentLotKey, Provenance provenance)
        implements LedgerRecord {
    public enum LotStatus { QUARANTINE, IN_PROCESS, IN_STOCK, RELEASED, REJECTED, CONSUMED }

    /** The canonical constructor is the one JSON binding uses (the second one is the shape before the new fields). */
    @jakarta.json.bind.annotation.JsonbCreator
    public Lot {
        expiresAt = Instants.millis(expiresAt);
    }

    /** A lot that is no sub-lot of another (the shape before sub-lots were kept). */
    public Lot(String key, String materialKey, LotStatus status, Double quantity, String unit, String supplier,
               String supplierLot, Instant expiresAt, Provenance provenance) {
        this(key, materialKey, status, quantity, unit, supplier, supplierLot, expiresAt, null, provenance);
    }

    /** This lot with another status, everything else as it is (a disposition, or its withdrawal). */
    public Lot withStatus(LotStatus newStatus) {
        return new Lot(key, materialKey, newStatus, quantity, unit, supplier, supplierLot, expiresAt, parentLotKey,
                provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.LOT;
    }
}
