package org.batchledger.synthplant;

/** One position of a line's equipment train; each line has its own unit of every position. */
enum EquipmentSpec {
    BALANCE("BAL", "Balance", "Floor balance 600 kg, dispensing booth", 14),
    GRANULATOR("HSG", "High-shear granulator", "High-shear granulator 600 L", 180),
    DRYER("FBD", "Fluid-bed dryer", "Fluid-bed dryer 300 kg", 180),
    BLENDER("BIN", "Bin blender", "IBC bin blender 1200 L", 180),
    PRESS_A("TPA", "Rotary tablet press", "Rotary tablet press, 36 stations", 90),
    PRESS_B("TPB", "Rotary tablet press", "Rotary tablet press, 36 stations", 90),
    COATER("COT", "Perforated pan coater", "Perforated pan coater 350 kg", 180),
    BLISTER_LINE("BLS", "Blister packaging line", "Thermoform blister line with cartoner", 90);

    final String code;
    final String equipmentClass;
    final String description;
    /** Calibration interval: balances every two weeks, process equipment less often. */
    final int calibrationDays;

    EquipmentSpec(String code, String equipmentClass, String description, int calibrationDays) {
        this.code = code;
        this.equipmentClass = equipmentClass;
        this.description = description;
        this.calibrationDays = calibrationDays;
    }

    String key(int line) {
        return Keys.fixed("EQ-L" + (line + 1) + "-" + code);
    }
}
