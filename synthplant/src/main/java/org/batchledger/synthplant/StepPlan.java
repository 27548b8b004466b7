package org.batchledger.synthplant;

import static org.batchledger.synthplant.Measure.check;
import static org.batchledger.synthplant.Measure.range;

import java.util.List;

/** The recorded process parameters of each stage, with the limits the master batch record sets. */
final class StepPlan {
    /** The granulation parameter an LOD excursion shows up in (see {@link Incident#LOD_EXCURSION}). */
    static final String LOD = "Loss on drying at end of drying";

    private StepPlan() {
    }

    static List<Measure> of(Stage stage, Product product) {
        return switch (stage) {
            case DISPENSING -> List.of(
                    range("Dispensing room relative humidity", "Room monitor", "%RH", 30, 55, 0),
                    check("Line clearance and balance check weight", "SOP-DSP-004"));
            case GRANULATION -> List.of(
                    range("Impeller speed", "Granulator HMI", "rpm", 150, 250, 0),
                    range("Wet massing time", "Granulator HMI", "min", 4, 8, 1),
                    range("Inlet air temperature", "Dryer HMI", "°C", 55, 65, 1),
                    range(LOD, "Moisture analyser", "%", 1.0, 3.0, 2));
            case BLENDING -> List.of(
                    range("Blender speed", "Blender HMI", "rpm", 10, 14, 1),
                    range("Blend time", "Blender HMI", "min", 3, 5, 1));
            case COMPRESSION -> compression(product);
            case COATING -> List.of(
                    range("Inlet air temperature", "Coater HMI", "°C", 50, 60, 1),
                    range("Spray rate", "Coater HMI", "g/min", 300, 500, 0),
                    range("Coating weight gain", "In-process weighing", "%", 2.5, 3.5, 2));
            case PACKAGING -> List.of(
                    range("Sealing temperature", "Blister line HMI", "°C", 150, 170, 0),
                    range("Line speed", "Blister line HMI", "blisters/min", 180, 260, 0),
                    check("Leak test (blue dye)", "SOP-PKG-011"));
        };
    }

    /** The step names the step records of a stage carry (its batch-record step, see {@link BatchWriter#steps}). */
    static List<String> stepNames(Stage stage) {
        return List.of(stage.step);
    }

    private static List<Measure> compression(Product product) {
        double weight = product.tabletMg();
        return List.of(
                range("Main compression force", "Press HMI", "kN", 8, 16, 1),
                range("Turret speed", "Press HMI", "rpm", 40, 70, 0),
                range("Tablet weight, mean of 20", "IPC balance", "mg", weight * 0.95, weight * 1.05, 1),
                range("Tablet hardness, mean of 10", "Hardness tester", "kP", 8, 14, 1));
    }
}
