package org.batchledger.synthplant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.Document;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Material.MaterialKind;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.Product.Intermediate;

/** Material masters and master batch records, written before the first order (they were approved before). */
final class MasterData {
    private static final Instant APPROVED = PlantClock.EPOCH.minus(Duration.ofDays(90));

    private final PlantContext plant;

    MasterData(PlantContext plant) {
        this.plant = plant;
    }

    void write() {
        for (MaterialSpec m : Catalog.PURCHASED) {
            material(m.key(), m.name(), m.kind(), m.unit());
        }
        for (Product p : Catalog.PRODUCTS) {
            for (Intermediate i : Intermediate.values()) {
                String unit = i.ordinal() >= Intermediate.CORE.ordinal() ? "tab" : "kg";
                material(p.intermediateKey(i), p.code() + " " + i.label, MaterialKind.INTERMEDIATE, unit);
            }
            material(p.finishedKey(), p.name() + ", blister pack of " + p.tabletsPerPack(),
                    MaterialKind.FINISHED_PRODUCT, "pack");
        }
        for (Product p : Catalog.PRODUCTS) {
            for (Stage s : Stage.values()) {
                masterBatchRecord(p, s);
            }
        }
    }

    static String masterBatchRecordKey(Product product, Stage stage) {
        return Keys.fixed("MBR-" + product.code() + "-" + stage.code);
    }

    /** The master batch records a change control on this product and line would touch. */
    static List<RecordRef> masterBatchRecords(Product product, Stage... stages) {
        return java.util.Arrays.stream(stages)
                .map(s -> new RecordRef(RecordType.DOCUMENT, masterBatchRecordKey(product, s))).toList();
    }

    private void material(String key, String name, MaterialKind kind, String unit) {
        plant.emit(new Material(key, name, kind, unit, plant.provenance(
                Keys.locator("material", key.substring(Keys.NS.length())), plant.pick(Staff.QA), APPROVED)));
    }

    private void masterBatchRecord(Product product, Stage stage) {
        String key = masterBatchRecordKey(product, stage);
        String title = "Master batch record " + product.code() + " " + stage.label + ", version 3";
        plant.emit(new Document(key, title, "MASTER_BATCH_RECORD", "application/pdf",
                Sha256.hex(title.getBytes(StandardCharsets.UTF_8)),
                new RecordRef(RecordType.MATERIAL, product.finishedKey()),
                plant.provenance(Keys.locator("document", key.substring(Keys.NS.length())), plant.pick(Staff.QA),
                        APPROVED)));
    }
}
