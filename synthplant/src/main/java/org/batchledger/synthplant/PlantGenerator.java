package org.batchledger.synthplant;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.OrderRun.Landmarks;

/**
 * Generates the plant lazily, one production order at a time, into a small buffer the iterator drains. Retained
 * state: the buffer (one order, about 130 records), the planner's campaign per line, the equipment status per unit,
 * the current lot per purchased material, the key counters, the first order's landmarks and the designed batches
 * (at most ten).
 */
final class PlantGenerator implements Iterator<LedgerRecord> {
    /** A change control is raised every this many orders, on the product then running. */
    private static final int CHANGE_EVERY = 150;

    private final ArrayDeque<LedgerRecord> buffer = new ArrayDeque<>();
    private final PlantContext plant;
    private final Departments dept;
    private final OrderPlanner planner;
    private final boolean injectCycle;
    private int nextOrder = -1;
    private boolean done;
    private Landmarks first;
    /** The designed batches awaiting disposition: at most {@link ReleaseSpread#NEWEST_FIRST} many. */
    private final List<DesignedBatch> designed = new ArrayList<>();

    PlantGenerator(long seed, PlantSize size, boolean injectCycle) {
        this.plant = new PlantContext(seed, size, buffer::add);
        this.dept = Departments.of(plant);
        this.planner = new OrderPlanner(plant);
        this.injectCycle = injectCycle;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !done) {
            step();
        }
        return !buffer.isEmpty();
    }

    @Override
    public LedgerRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.poll();
    }

    private void step() {
        if (nextOrder < 0) {
            new MasterData(plant).write();
            dept.engineering().install();
            dept.qa().changeControl(PlantClock.EPOCH.minus(Duration.ofDays(80)), false,
                    Catalog.PRODUCTS.stream().map(p -> MasterData.masterBatchRecords(p, Stage.GRANULATION).get(0))
                            .toList());
        } else if (nextOrder < plant.size.orders()) {
            order(planner.plan(nextOrder));
        } else {
            if (injectCycle) {
                injectCycle();
            }
            done = true;
        }
        nextOrder++;
    }

    private void order(OrderPlan plan) {
        Landmarks landmarks = new OrderRun(dept, plan).run();
        if (first == null) {
            first = landmarks;
        }
        if (plan.design() != null) {
            designed.add(new DesignedBatch(landmarks.packaging().key(), landmarks.finished().key(),
                    plan.product().finishedKey(), plan.index(), plan.line(), plan.design()));
        }
        if (plan.index() % CHANGE_EVERY == CHANGE_EVERY / 2) {
            dept.qa().changeControl(plan.start().plus(Duration.ofHours(6)), plan.index() >= plant.size.orders() * 0.9,
                    List.of(MasterData.masterBatchRecords(plan.product(), Stage.COMPRESSION).get(0),
                            new RecordRef(RecordType.EQUIPMENT, EquipmentSpec.PRESS_A.key(plan.line()))));
        }
    }

    /** The designed batches generated so far, oldest first. */
    List<DesignedBatch> designed() {
        return List.copyOf(designed);
    }

    /**
     * The import error the genealogy must survive: the first finished lot "consumed" by the dispensing batch it
     * descends from, closing a cycle. Written last, so the references still point backwards in the stream.
     */
    private void injectCycle() {
        var n = plant.keys.next("consumption", "CONS");
        var dispensing = first.dispensing();
        buffer.add(new Consumption(n.key(), first.finished().key(), dispensing.key(), 1.0, "pack",
                Stage.DISPENSING.step, dispensing.startedAt(), plant.provenance("synthplant/injected-cycle",
                        Staff.WAREHOUSE.get(0), dispensing.startedAt())));
    }
}
