package org.batchledger.synthplant;

import static org.batchledger.synthplant.Measure.atLeast;
import static org.batchledger.synthplant.Measure.atMost;
import static org.batchledger.synthplant.Measure.check;
import static org.batchledger.synthplant.Measure.range;

import java.util.List;
import org.batchledger.schema.record.Material.MaterialKind;

/** LIMS tests: incoming QC of received lots, in-process controls (IPC) and finished-product release tests. */
final class TestPlan {
    static final String BLEND_UNIFORMITY = "Blend uniformity (RSD)";
    static final String DISSOLUTION = "Dissolution, 30 min (Q = 80 %)";
    static final String MICROBIAL_COUNT = "Total aerobic microbial count";

    private TestPlan() {
    }

    static List<Measure> incoming(MaterialSpec material) {
        if (material.kind() == MaterialKind.UTILITY) {
            return List.of(atMost("Conductivity at 25 °C", "Ph. Eur. 0008", "µS/cm", 5.1, 1.2, 2),
                    atMost("Total organic carbon", "Ph. Eur. 2.2.44", "mg/L", 0.5, 0.15, 3));
        }
        if (material.kind() == MaterialKind.PACKAGING) {
            return List.of(check("Identity and print check against approved artwork", "SOP-QC-210"));
        }
        Measure identity = check("Identity (FTIR)", "Ph. Eur. 2.2.24");
        if (material.kind() == MaterialKind.API) {
            return List.of(identity, range("Assay (anhydrous basis)", "HPLC QC-M-101", "%", 98.0, 102.0, 1));
        }
        return List.of(identity, atMost("Loss on drying", "Ph. Eur. 2.2.32", "%", 7.0, 4.0, 2));
    }

    static List<Measure> granules() {
        return List.of(range("Loss on drying", "Moisture analyser", "%", 1.0, 3.0, 2));
    }

    static List<Measure> blend() {
        return List.of(atMost(BLEND_UNIFORMITY, "HPLC QC-M-114", "%", 5.0, 2.0, 1),
                range("Assay", "HPLC QC-M-114", "%", 95.0, 105.0, 1));
    }

    /** In-process controls on the compression batch itself, not on its lot. */
    static List<Measure> compressionIpc() {
        return List.of(atMost("Friability", "Ph. Eur. 2.9.7", "%", 1.0, 0.3, 2),
                atMost("Disintegration time", "Ph. Eur. 2.9.1", "min", 15, 5, 1));
    }

    static List<Measure> coated() {
        return List.of(check("Appearance", "Visual, SOP-QC-305"));
    }

    static List<Measure> finished() {
        return List.of(range("Assay", "HPLC QC-M-120", "%", 95.0, 105.0, 1),
                atLeast(DISSOLUTION, "Ph. Eur. 2.9.3 apparatus 2", "%", 80.0, 92.0, 0),
                atMost("Uniformity of dosage units (acceptance value)", "Ph. Eur. 2.9.40", null, 15.0, 5.0, 1),
                atMost(MICROBIAL_COUNT, "Ph. Eur. 2.6.12", "cfu/g", 1000.0, 100.0, 0));
    }
}
