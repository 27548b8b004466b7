package org.batchledger.synthplant;

import java.time.Duration;
import java.time.Instant;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Calibration.CalibrationOutcome;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Equipment;
import org.batchledger.synthplant.Staff.Person;

/**
 * Every line's equipment train and its status: when calibration is due, how long the last clean holds, which
 * product ran last. Before each use it writes the cleaning and calibration that GMP requires first, except where
 * the {@link ReleaseSpread} designs a lapse ({@link Prep}). State is a few fields per unit of equipment (eight units
 * per line).
 */
final class EquipmentPark {
    private static final Duration CLEAN_HOLD = Duration.ofHours(72);
    /** A second person verifies a cleaning or calibration (as the e-logbook records it) this long after it. */
    private static final Duration VERIFIED_AFTER = Duration.ofMinutes(15);
    private static final Duration GAP_AFTER_USE = Duration.ofMinutes(30);
    /** Same-product batches between minor cleans, as a campaign cleaning SOP would allow. */
    private static final int USES_PER_CLEAN = 3;
    /**
     * A forced (designed) clean is done this long before its use, or just after the unit's previous use if that is
     * later, so that its hold has surely run out when the use three orders on starts.
     */
    private static final Duration EARLY_CLEAN = Duration.ofHours(8);

    /** How a use is prepared: as GMP requires, or with one designed lapse (see {@link ReleaseSpread}). */
    enum Prep { NORMAL, EARLY_CLEAN, SKIP_CLEAN, SKIP_CALIBRATION }

    private final PlantContext plant;
    private final EquipmentState[] units;

    EquipmentPark(PlantContext plant) {
        this.plant = plant;
        this.units = new EquipmentState[plant.size.lines() * EquipmentSpec.values().length];
    }

    /** The equipment masters, each with the calibration it arrived with, before the first order. */
    void install() {
        for (int line = 0; line < plant.size.lines(); line++) {
            for (EquipmentSpec spec : EquipmentSpec.values()) {
                String key = spec.key(line);
                Instant installed = PlantClock.EPOCH.minus(Duration.ofDays(30));
                plant.emit(new Equipment(key, spec.description, spec.equipmentClass, "Building 2, line " + (line + 1),
                        plant.provenance(Keys.locator("equipment", key.substring(Keys.NS.length())),
                                plant.pick(Staff.ENGINEERS), installed)));
                EquipmentState state = new EquipmentState(key, spec);
                if (spec == EquipmentSpec.BLISTER_LINE) {
                    state.alignedDue = plant.spread.lapsedCalibrationDue(line);
                }
                units[index(line, spec)] = state;
                calibrate(state, PlantClock.EPOCH.minus(Duration.ofDays(1 + plant.dice.upTo(20))));
            }
        }
    }

    /** Cleans and calibrates the unit as needed before {@code product} runs on it from {@code from} to {@code to}. */
    String prepare(int line, EquipmentSpec spec, String product, Instant from, Instant to) {
        return prepare(line, spec, product, from, to, Prep.NORMAL);
    }

    String prepare(int line, EquipmentSpec spec, String product, Instant from, Instant to, Prep prep) {
        EquipmentState state = units[index(line, spec)];
        if (!to.isBefore(state.calibrationDue) && prep != Prep.SKIP_CALIBRATION) {
            calibrate(state, from.minus(Duration.ofHours(3)));
        }
        boolean changeover = !product.equals(state.lastProduct);
        if (prep == Prep.EARLY_CLEAN) {
            Instant early = from.minus(EARLY_CLEAN);
            clean(state, changeover, early.isAfter(state.usedUntil) ? early : state.usedUntil.plus(GAP_AFTER_USE));
        } else if (prep != Prep.SKIP_CLEAN && (changeover || state.usesSinceClean >= USES_PER_CLEAN
                || to.isAfter(state.cleanUntil))) {
            clean(state, changeover, from.minus(plant.dice.minutes(60, 120)));
        }
        state.lastProduct = product;
        state.usesSinceClean++;
        state.usedUntil = to;
        return state.key;
    }

    /** The unit's key without preparing it: the second sub-batch of an order follows the first without a clean. */
    String key(int line, EquipmentSpec spec) {
        return units[index(line, spec)].key;
    }

    private void calibrate(EquipmentState state, Instant at) {
        var n = plant.keys.next("calibration", "CAL");
        Person engineer = plant.pick(Staff.ENGINEERS);
        CalibrationOutcome outcome = plant.dice.chance(0.1) ? CalibrationOutcome.ADJUSTED : CalibrationOutcome.PASS;
        Instant due = at.plus(Duration.ofDays(state.spec.calibrationDays));
        // Due date aligned with a planned line maintenance (the designed lapse): never later than that date.
        Instant aligned = state.alignedDue;
        state.calibrationDue = aligned != null && aligned.isAfter(at) && aligned.isBefore(due) ? aligned : due;
        plant.emit(new Calibration(n.key(), state.key, outcome, at, state.calibrationDue, engineer.username(),
                Staff.secondPerson(Staff.ENGINEERS, engineer).username(), at.plus(VERIFIED_AFTER),
                plant.provenance(n.locator(), engineer, at)));
    }

    private void clean(EquipmentState state, boolean changeover, Instant at) {
        var n = plant.keys.next("cleaning", "CLN");
        Person operator = plant.pick(Staff.OPERATORS);
        String method = changeover ? "Major clean, product changeover (SOP-CLN-020)"
                : "Minor clean, same product campaign (SOP-CLN-021)";
        state.cleanUntil = at.plus(CLEAN_HOLD);
        state.usesSinceClean = 0;
        plant.emit(new Cleaning(n.key(), state.key, method, at, state.cleanUntil, operator.username(),
                Staff.secondPerson(Staff.OPERATORS, operator).username(), at.plus(VERIFIED_AFTER),
                plant.provenance(n.locator(), operator, at)));
    }

    private static int index(int line, EquipmentSpec spec) {
        return line * EquipmentSpec.values().length + spec.ordinal();
    }

    private static final class EquipmentState {
        final String key;
        final EquipmentSpec spec;
        Instant calibrationDue;
        Instant cleanUntil = Instant.MIN;
        Instant usedUntil = Instant.MIN;
        /** A planned maintenance date every calibration before it is due at, or null. */
        Instant alignedDue;
        String lastProduct;
        int usesSinceClean;

        EquipmentState(String key, EquipmentSpec spec) {
            this.key = key;
            this.spec = spec;
        }
    }
}
