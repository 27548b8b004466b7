package org.batchledger.synthplant;

import java.util.List;

/** The stages of tablet manufacture, in genealogy order, and the equipment train each stage runs on. */
enum Stage {
    DISPENSING("DSP", "dispensing", "Dispense raw materials", List.of(EquipmentSpec.BALANCE)),
    GRANULATION("GRN", "granulation", "Wet granulation and fluid-bed drying",
            List.of(EquipmentSpec.GRANULATOR, EquipmentSpec.DRYER)),
    BLENDING("BLD", "blending", "Final blending with lubricant", List.of(EquipmentSpec.BLENDER)),
    COMPRESSION("CMP", "compression", "Tablet compression",
            List.of(EquipmentSpec.PRESS_A, EquipmentSpec.PRESS_B)),
    COATING("COT", "coating", "Film coating", List.of(EquipmentSpec.COATER)),
    PACKAGING("PKG", "packaging", "Blister packaging", List.of(EquipmentSpec.BLISTER_LINE));

    final String code;
    /** The value of {@code Batch.stage}. */
    final String label;
    /** The batch-record step in which the stage's inputs are consumed. */
    final String step;
    final List<EquipmentSpec> equipment;

    Stage(String code, String label, String step, List<EquipmentSpec> equipment) {
        this.code = code;
        this.label = label;
        this.step = step;
        this.equipment = equipment;
    }

    /** The stage whose output lots this stage consumes, or null for dispensing (raw materials only). */
    Stage previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    static Stage ofLabel(String label) {
        for (Stage s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a stage: " + label);
    }
}
