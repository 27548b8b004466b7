package org.batchledger.synthplant;

import static org.batchledger.synthplant.Formula.kg;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.Product.Intermediate;
import org.batchledger.synthplant.Staff.Person;

/**
 * The second half of an order: the blend split over two tablet presses whose core lots meet again in the coater
 * (the second reconverging diamond), then packaging, release testing and the batch's signatures. Most designed
 * release cases ({@link ReleaseSpread}) take effect here, on the packaging batch itself.
 */
final class FinishingRun extends OrderPart {
    private static final Duration SHELF_LIFE = Duration.ofDays(730);
    private static final EquipmentSpec[] PRESSES = {EquipmentSpec.PRESS_A, EquipmentSpec.PRESS_B};
    /** How long the investigation of the designed OOS took before QA could review the batch. */
    private static final Duration OOS_INVESTIGATION = Duration.ofHours(30);

    private Batch packaging;

    FinishingRun(Departments dept, OrderPlan plan, Supplies supplies, Consumer<Runnable> deviations) {
        super(dept, plan, supplies, deviations);
    }

    Lot run(Lot blend) {
        Instant blended = blend.provenance().eventAt();
        Lot[] cores = new Lot[2];
        for (int i = 0; i < 2; i++) {
            cores[i] = compress(i, blend, blended.plus(GAP).plus(Duration.ofMinutes(10L * i)));
        }
        Lot coated = coat(cores, later(made(cores[0]), made(cores[1])).plus(GAP));
        return pack(coated, made(coated).plus(GAP));
    }

    /** Half the blend on one press; both presses run at once. */
    private Lot compress(int press, Lot blend, Instant start) {
        Person op = operator();
        Batch batch = open(Stage.COMPRESSION, start, stretch(start, 6.0), BatchStatus.COMPLETED, op);
        String unit = prepare(PRESSES[press], start, batch.endedAt());
        double kilograms = kg(blend.quantity() / 2);
        dept.production().consume(batch, blend.key(), kilograms, "kg", start, op);
        dept.production().use(batch, unit, start, batch.endedAt(), op);
        dept.production().steps(batch, StepPlan.of(Stage.COMPRESSION, plan.product()), null, op);
        dept.lab().test(RecordRef.of(batch), TestPlan.compressionIpc(), start.plus(Duration.ofHours(2)), null);
        Lot cores = produce(batch, Intermediate.CORE, tablets(kilograms), "tab", op);
        if (press == 0 && plan.has(Incident.PRESS_DAMAGE)) {
            deviate(Incident.PRESS_DAMAGE, batch.endedAt(), unit.substring(Keys.NS.length()),
                    new RecordRef(RecordType.EQUIPMENT, unit), RecordRef.of(batch), RecordRef.of(cores));
        }
        return cores;
    }

    private Lot coat(Lot[] cores, Instant start) {
        Person op = operator();
        Batch batch = open(Stage.COATING, start, stretch(start, 4.0), BatchStatus.COMPLETED, op);
        String coater = prepare(EquipmentSpec.COATER, start, batch.endedAt());
        double tablets = cores[0].quantity() + cores[1].quantity();
        double coating = kg(tablets * plan.product().tabletMg() * 1e-6 * 0.03 * 1.15);
        for (Lot core : cores) {
            dept.production().consume(batch, core.key(), core.quantity(), "tab", start, op);
        }
        dept.production().consume(batch, supplies.coating(), coating, "kg", start.plus(GAP), op);
        dept.production().consume(batch, supplies.water(), kg(coating * 4), "kg", start.plus(GAP), op);
        dept.production().use(batch, coater, start, batch.endedAt(), op);
        dept.production().steps(batch, StepPlan.of(Stage.COATING, plan.product()), null, op);
        Lot coated = produce(batch, Intermediate.COATED, Math.floor(tablets * 0.995), "tab", op);
        dept.lab().test(RecordRef.of(coated), TestPlan.coated(), batch.endedAt().plus(GAP), null);
        return coated;
    }

    /** The packaging batch, once {@link #run} has made it. */
    Batch packaging() {
        return packaging;
    }

    private Lot pack(Lot coated, Instant start) {
        Person op = operator();
        Batch batch = open(Stage.PACKAGING, start, stretch(start, 6.0), plan.disposition(), op);
        packaging = batch;
        String line = dept.engineering().prepare(plan.line(), EquipmentSpec.BLISTER_LINE, plan.product().code(),
                start, batch.endedAt(), linePrep());
        double packs = Math.floor(coated.quantity() * 0.99 / plan.product().tabletsPerPack());
        double blisters = Math.ceil(packs * plan.product().tabletsPerPack() / 10.0);
        dept.production().consume(batch, coated.key(), coated.quantity(), "tab", start, op);
        dept.production().consume(batch, supplies.film(), kg(blisters * 0.0075), "m2", start, op);
        dept.production().consume(batch, supplies.foil(), kg(blisters * 0.0066), "m2", start, op);
        dept.production().consume(batch, supplies.carton(), Math.ceil(packs * 1.01), "ea", start.plus(GAP), op);
        dept.production().consume(batch, supplies.leaflet(), Math.ceil(packs * 1.01), "ea", start.plus(GAP), op);
        dept.production().use(batch, line, start, batch.endedAt(), op);
        dept.production().steps(batch, StepPlan.of(Stage.PACKAGING, plan.product()), null, op);
        Lot finished = dept.production().produce(batch, plan.product().finishedKey(), packs, "pack",
                lotStatus(batch.status()), SHELF_LIFE, op);
        if (plan.has(Incident.LINE_CLEARANCE)) {
            deviate(Incident.LINE_CLEARANCE, start.plus(GAP), batch.key(), RecordRef.of(batch), RecordRef.of(finished));
        }
        release(batch, finished, op);
        return finished;
    }

    private EquipmentPark.Prep linePrep() {
        if (plan.is(ReleaseCase.EQUIPMENT_OUT_OF_CALIBRATION)) {
            return EquipmentPark.Prep.SKIP_CALIBRATION;
        }
        if (plan.is(ReleaseCase.EQUIPMENT_CLEAN_HOLD_EXPIRED)) {
            return EquipmentPark.Prep.SKIP_CLEAN;
        }
        return dept.plant().spread.forcesLineClean(plan.index()) ? EquipmentPark.Prep.EARLY_CLEAN
                : EquipmentPark.Prep.NORMAL;
    }

    /**
     * Release testing, then the signatures; a dissolution OOS raises its deviation. QA reviews once the results are
     * in, or, for the designed OOS, once its investigation has closed.
     */
    private void release(Batch batch, Lot finished, Person performer) {
        boolean oos = plan.has(Incident.DISSOLUTION_OOS);
        Instant tested = dept.lab().test(RecordRef.of(finished), TestPlan.finished(),
                batch.endedAt().plus(Duration.ofHours(20)), oos ? TestPlan.DISSOLUTION : null,
                plan.is(ReleaseCase.PENDING_TEST) ? TestPlan.MICROBIAL_COUNT : null);
        Instant reviewFrom = tested;
        if (oos) {
            Duration investigation = plan.is(ReleaseCase.OOS_RESULT) ? OOS_INVESTIGATION : null;
            deviate(Incident.DISSOLUTION_OOS, tested, investigation, finished.key(), RecordRef.of(batch),
                    RecordRef.of(finished));
            reviewFrom = investigation == null ? tested : tested.plus(investigation);
        }
        dept.signer().sign(batch, performer, reviewFrom, plan.design());
    }

    private double tablets(double kilograms) {
        double yield = dept.plant().dice.between(0.97, 0.99);
        return Math.floor(kilograms * yield * 1e6 / plan.product().tabletMg());
    }

    private static LotStatus lotStatus(BatchStatus disposition) {
        return switch (disposition) {
            case RELEASED -> LotStatus.RELEASED;
            case REJECTED -> LotStatus.REJECTED;
            default -> LotStatus.QUARANTINE;
        };
    }

    /** A produced lot's event time is the end of the batch that made it. */
    private static Instant made(Lot lot) {
        return lot.provenance().eventAt();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
