package org.batchledger.synthplant;

import static org.batchledger.synthplant.Formula.kg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.synthplant.Product.Intermediate;
import org.batchledger.synthplant.Staff.Person;

/**
 * One production order from dispensing to the blend: the first half of the stage chain, including the first
 * reconverging diamond (granulation kit split over two granulation sub-batches that meet again in the blender).
 * {@link FinishingRun} continues from the blend lot.
 */
final class OrderRun extends OrderPart {
    private final List<Runnable> deviations;
    private Lot kit;
    private Lot lubricant;
    /** The two granulation sub-batches share the granulator and the dryer, one after the other. */
    private Instant granulatorFree;
    private Instant dryerFree;

    OrderRun(Departments dept, OrderPlan plan) {
        this(dept, plan, new ArrayList<>());
    }

    private OrderRun(Departments dept, OrderPlan plan, List<Runnable> deviations) {
        super(dept, plan, Supplies.draw(dept.warehouse(), plan), deviations::add);
        this.deviations = deviations;
    }

    /** Runs the order; deviations are written last, once everything they impact exists. */
    Landmarks run() {
        Formula formula = Formula.of(plan.product(), dept.plant().dice);
        Batch dispensing = dispense(formula);
        granulatorFree = dispensing.endedAt().plus(GAP);
        dryerFree = granulatorFree;
        Lot[] granules = {granulate(0, kit.quantity() / 2), granulate(1, kit.quantity() / 2)};
        Lot blend = blend(granules, dryerFree.plus(GAP));
        FinishingRun finishing = new FinishingRun(dept, plan, supplies, deviations::add);
        Lot finished = finishing.run(blend);
        deviations.forEach(Runnable::run);
        return new Landmarks(dispensing, finishing.packaging(), finished);
    }

    private Batch dispense(Formula f) {
        Instant start = plan.start();
        Person op = operator();
        Batch batch = open(Stage.DISPENSING, start, stretch(start, 2.0), op);
        String balance = prepare(EquipmentSpec.BALANCE, batch.startedAt(), batch.endedAt());
        double[] amounts = {f.api(), f.mcc(), f.lactose(), f.povidone(), f.croscarmellose(), f.magnesiumStearate()};
        List<String> lots = supplies.dispensed();
        for (int i = 0; i < lots.size(); i++) {
            dept.production().consume(batch, lots.get(i), amounts[i], "kg", start.plusSeconds(600L * (i + 1)), op);
        }
        dept.production().use(batch, balance, batch.startedAt(), batch.endedAt(), op);
        dept.production().steps(batch, StepPlan.of(Stage.DISPENSING, plan.product()), null, op);
        kit = produce(batch, Intermediate.KIT, kg(f.granulationKit() * 0.998), op);
        lubricant = produce(batch, Intermediate.LUB, f.magnesiumStearate(), op);
        return batch;
    }

    private Lot granulate(int sub, double kitHalf) {
        Instant start = granulatorFree;
        Instant wetEnd = stretch(start, 1.5);
        Instant dryStart = wetEnd.isAfter(dryerFree) ? wetEnd : dryerFree;
        Person op = operator();
        Batch batch = open(Stage.GRANULATION, start, stretch(dryStart, 1.5), op);
        granulatorFree = wetEnd;
        dryerFree = batch.endedAt();
        dept.production().consume(batch, kit.key(), kg(kitHalf), "kg", start, op);
        dept.production().consume(batch, supplies.water(), kg(kitHalf * 0.22), "kg", start.plus(GAP), op);
        dept.production().use(batch, equipment(sub, EquipmentSpec.GRANULATOR, start, wetEnd), start, wetEnd, op);
        dept.production().use(batch, equipment(sub, EquipmentSpec.DRYER, dryStart, dryerFree), dryStart, dryerFree,
                op);
        boolean excursion = sub == 0 && plan.has(Incident.LOD_EXCURSION);
        dept.production().steps(batch, StepPlan.of(Stage.GRANULATION, plan.product()),
                excursion ? StepPlan.LOD : null, op);
        Lot granules = produce(batch, Intermediate.GRAN, kg(kitHalf * dept.plant().dice.between(0.975, 0.99)), op);
        dept.lab().test(RecordRef.of(granules), TestPlan.granules(), batch.endedAt().plus(GAP), null);
        if (excursion) {
            deviate(Incident.LOD_EXCURSION, batch.endedAt(), batch.key(), RecordRef.of(batch), RecordRef.of(granules));
        }
        return granules;
    }

    /** The first sub-batch prepares (cleans, calibrates) the unit; the second follows it directly. */
    private String equipment(int sub, EquipmentSpec spec, Instant from, Instant to) {
        return sub == 0 ? prepare(spec, from, to) : dept.engineering().key(plan.line(), spec);
    }

    private Lot blend(Lot[] granules, Instant start) {
        Person op = operator();
        Batch batch = open(Stage.BLENDING, start, stretch(start, 1.0), op);
        String blender = prepare(EquipmentSpec.BLENDER, start, batch.endedAt());
        for (Lot g : granules) {
            dept.production().consume(batch, g.key(), g.quantity(), "kg", start, op);
        }
        dept.production().consume(batch, lubricant.key(), lubricant.quantity(), "kg", start.plus(GAP), op);
        dept.production().use(batch, blender, start, batch.endedAt(), op);
        dept.production().steps(batch, StepPlan.of(Stage.BLENDING, plan.product()), null, op);
        double mass = kg((granules[0].quantity() + granules[1].quantity() + lubricant.quantity()) * 0.995);
        Lot blend = produce(batch, Intermediate.BLEND, mass, op);
        boolean oos = plan.has(Incident.BLEND_UNIFORMITY_OOS);
        Instant tested = dept.lab().test(RecordRef.of(blend), TestPlan.blend(), batch.endedAt().plusSeconds(300),
                oos ? TestPlan.BLEND_UNIFORMITY : null);
        if (oos) {
            deviate(Incident.BLEND_UNIFORMITY_OOS, tested, blend.key(), RecordRef.of(batch), RecordRef.of(blend));
        }
        return blend;
    }

    private Batch open(Stage stage, Instant start, Instant end, Person op) {
        return open(stage, start, end, BatchStatus.COMPLETED, op);
    }

    private Lot produce(Batch batch, Intermediate what, double quantity, Person op) {
        return produce(batch, what, quantity, "kg", op);
    }

    /** What the generator remembers of an order: where its genealogy starts and ends. */
    record Landmarks(Batch dispensing, Batch packaging, Lot finished) {
    }
}
