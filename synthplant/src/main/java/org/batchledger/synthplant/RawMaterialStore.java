package org.batchledger.synthplant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.Document;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.Material.MaterialKind;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.synthplant.Staff.Person;

/**
 * The warehouse: the current released lot of each purchased material. A material's next lot is received (with the
 * supplier's certificate of analysis and incoming QC) two days before the first order that needs it, once the
 * current lot has served its span of orders. State: one lot key and one counter per material.
 */
final class RawMaterialStore {
    private static final Duration SHELF_LIFE = Duration.ofDays(730);

    private final PlantContext plant;
    private final Lab lab;
    private final Map<MaterialSpec, String> currentLot = new HashMap<>();
    private final Map<MaterialSpec, Integer> ordersServed = new HashMap<>();

    RawMaterialStore(PlantContext plant, Lab lab) {
        this.plant = plant;
        this.lab = lab;
    }

    /** The lot an order starting at {@code orderStart} draws {@code material} from, received first if needed. */
    String lotFor(MaterialSpec material, Instant orderStart) {
        int served = ordersServed.merge(material, 1, Integer::sum) - 1;
        if (served % material.spanOrders() == 0) {
            currentLot.put(material, receive(material, orderStart.minus(Duration.ofHours(48 + plant.dice.upTo(12)))));
        }
        return currentLot.get(material);
    }

    /**
     * A new delivery of {@code material} picked for one order by mistake: incoming QC has passed it, but QA has not
     * released it yet, so it is still in QUARANTINE when dispensed (the designed
     * {@link ReleaseCase#UNRELEASED_UPSTREAM_LOT}). The current released lot stays current.
     */
    String quarantinedLot(MaterialSpec material, Instant orderStart) {
        return receive(material, orderStart.minus(Duration.ofHours(30 + plant.dice.upTo(6))), LotStatus.QUARANTINE);
    }

    private String receive(MaterialSpec material, Instant receivedAt) {
        return receive(material, receivedAt, LotStatus.RELEASED);
    }

    private String receive(MaterialSpec material, Instant receivedAt, LotStatus status) {
        var n = plant.keys.next("lot", "LOT");
        Person clerk = plant.pick(Staff.WAREHOUSE);
        boolean utility = material.kind() == MaterialKind.UTILITY;
        String supplierLot = supplierLot(material);
        Lot lot = new Lot(n.key(), material.key(), status, material.lotSize(), material.unit(),
                material.supplier(), supplierLot, utility ? null : receivedAt.plus(SHELF_LIFE),
                plant.provenance(n.locator(), clerk, receivedAt));
        plant.emit(lot);
        RecordRef ref = RecordRef.of(lot);
        if (!utility) {
            certificate(ref, supplierLot, clerk, receivedAt);
        }
        lab.test(ref, TestPlan.incoming(material), receivedAt.plus(Duration.ofHours(20)), null);
        return lot.key();
    }

    private void certificate(RecordRef lot, String supplierLot, Person clerk, Instant at) {
        var n = plant.keys.next("document", "DOC");
        String text = "Certificate of analysis " + supplierLot + " for " + lot;
        plant.emit(new Document(n.key(), "Supplier certificate of analysis " + supplierLot, "CERTIFICATE_OF_ANALYSIS",
                "application/pdf", Sha256.hex(text.getBytes(StandardCharsets.UTF_8)), lot,
                plant.provenance(n.locator(), clerk, at)));
    }

    /** Suppliers number their own lots; the water system's "lot" stands for a release period of the loop. */
    private String supplierLot(MaterialSpec material) {
        String initials = material.supplier().replaceAll("[^A-Z]", "");
        return String.format(Locale.ROOT, "%s%02d-%05d", initials, 26, 10000 + plant.dice.upTo(90000));
    }
}
