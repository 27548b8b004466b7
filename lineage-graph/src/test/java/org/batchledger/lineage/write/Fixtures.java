package org.batchledger.lineage.write;

import java.time.Instant;
import java.util.List;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.LedgerRecord;

/** A tiny granulation step: lactose lot in, granulate lot out. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");

    private Fixtures() {
    }

    static Provenance provenance(String locator) {
        return new Provenance("mes:test", locator, "operator", T0.plusSeconds(60), T0);
    }

    static Material material(String key) {
        return new Material(key, "Lactose monohydrate", Material.MaterialKind.EXCIPIENT, "kg", provenance("m/" + key));
    }

    static Lot lot(String key, String materialKey) {
        return new Lot(key, materialKey, Lot.LotStatus.IN_STOCK, 250.0, "kg", "Meggle", "SUP-" + key, null,
                provenance("l/" + key));
    }

    static Batch batch(String key, String productKey) {
        return new Batch(key, productKey, "GRANULATION", Batch.BatchStatus.COMPLETED, "MBR-7", T0, T0.plusSeconds(7200),
                provenance("b/" + key));
    }

    static List<LedgerRecord> granulation(String suffix) {
        return List.of(
                material("test:MAT-LAC" + suffix), material("test:MAT-GRN" + suffix),
                lot("test:LOT-IN" + suffix, "test:MAT-LAC" + suffix),
                batch("test:B-GRN" + suffix, "test:MAT-GRN" + suffix),
                lot("test:LOT-OUT" + suffix, "test:MAT-GRN" + suffix),
                new Consumption("test:C" + suffix, "test:LOT-IN" + suffix, "test:B-GRN" + suffix, 120.5, "kg",
                        "charge", T0.plusSeconds(600), provenance("c/" + suffix)),
                new Production("test:P" + suffix, "test:B-GRN" + suffix, "test:LOT-OUT" + suffix, 118.25, "kg",
                        provenance("p/" + suffix)));
    }
}
