package org.batchledger.synthplant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.synthplant.Staff.Person;

/** What the two halves of an order run share: the plan, the departments and the per-stage helpers. */
abstract class OrderPart {
    static final Duration HOLD_TIME = Duration.ofDays(30);
    static final Duration GAP = Duration.ofMinutes(30);

    final Departments dept;
    final OrderPlan plan;
    final Supplies supplies;
    private final Consumer<Runnable> deviations;

    OrderPart(Departments dept, OrderPlan plan, Supplies supplies, Consumer<Runnable> deviations) {
        this.dept = dept;
        this.plan = plan;
        this.supplies = supplies;
        this.deviations = deviations;
    }

    final Batch open(Stage stage, Instant start, Instant end, BatchStatus status, Person op) {
        return dept.production().open(plan, stage, start, end, status, op);
    }

    /** An intermediate lot: consumed by the next stage, expiring after the hold time. */
    final Lot produce(Batch batch, Product.Intermediate what, double quantity, String unit, Person op) {
        return dept.production().produce(batch, plan.product().intermediateKey(what), quantity, unit,
                LotStatus.CONSUMED, HOLD_TIME, op);
    }

    final String prepare(EquipmentSpec spec, Instant from, Instant to) {
        return dept.engineering().prepare(plan.line(), spec, plan.product().code(), from, to);
    }

    /** Queues the incident's deviation; it is written once the whole order (all it impacts) exists. */
    final void deviate(Incident incident, Instant at, String context, RecordRef... impacts) {
        deviate(incident, at, null, context, impacts);
    }

    /** {@code closeAfter}: see {@link QualitySystem#deviation}. */
    final void deviate(Incident incident, Instant at, Duration closeAfter, String context, RecordRef... impacts) {
        boolean open = plan.incidents().get(incident);
        deviations.accept(() -> dept.qa().deviation(incident, open, at, closeAfter, context, List.of(impacts)));
    }

    final Person operator() {
        return dept.plant().pick(Staff.OPERATORS);
    }

    /** Nominal duration ±10 %. */
    final Instant stretch(Instant from, double nominalHours) {
        return from.plus(PlantClock.hours(nominalHours * (1 + 0.1 * dept.plant().dice.bell())));
    }
}
