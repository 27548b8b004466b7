package org.batchledger.synthplant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.synthplant.Staff.Person;

/**
 * Writes the electronic batch record of one stage batch: the batch, what it consumed, the equipment it used, its
 * recorded parameters and the lots it produced, each after the records it points at.
 */
final class BatchWriter {
    private final PlantContext plant;

    BatchWriter(PlantContext plant) {
        this.plant = plant;
    }

    Batch open(OrderPlan order, Stage stage, Instant start, Instant end, BatchStatus status, Person operator) {
        var n = plant.keys.next("batch", "B-" + stage.code);
        Batch batch = new Batch(n.key(), order.product().finishedKey(), stage.label, status,
                MasterData.masterBatchRecordKey(order.product(), stage), start, end,
                plant.provenance(n.locator(), operator, start));
        plant.emit(batch);
        return batch;
    }

    void consume(Batch batch, String lotKey, double quantity, String unit, Instant at, Person operator) {
        var n = plant.keys.next("consumption", "CONS");
        plant.emit(new Consumption(n.key(), lotKey, batch.key(), quantity, unit, Stage.ofLabel(batch.stage()).step,
                at, plant.provenance(n.locator(), operator, at)));
    }

    void use(Batch batch, String equipmentKey, Instant from, Instant to, Person operator) {
        var n = plant.keys.next("use", "USE");
        plant.emit(new EquipmentUse(n.key(), batch.key(), equipmentKey, Stage.ofLabel(batch.stage()).step, from, to,
                plant.provenance(n.locator(), operator, from)));
    }

    /** Records each parameter at an even pace through the batch; {@code excursion} (if any) is out of limits. */
    void steps(Batch batch, List<Measure> parameters, String excursion, Person operator) {
        Duration pace = Duration.between(batch.startedAt(), batch.endedAt()).dividedBy(parameters.size() + 1);
        Instant at = batch.startedAt();
        for (Measure p : parameters) {
            at = at.plus(pace);
            var n = plant.keys.next("step", "SR");
            plant.emit(new StepRecord(n.key(), batch.key(), Stage.ofLabel(batch.stage()).step, p.name(),
                    p.sample(plant.dice, p.name().equals(excursion)), p.unit(), p.lower(), p.upper(), at,
                    operator.username(), plant.provenance(n.locator(), operator, at)));
        }
    }

    /** A lot made at the end of the batch; {@code shelfLife} sets its expiry (hold time for intermediates). */
    Lot produce(Batch batch, String materialKey, double quantity, String unit, LotStatus status, Duration shelfLife,
                Person operator) {
        var n = plant.keys.next("lot", "LOT");
        Instant at = batch.endedAt();
        Lot lot = new Lot(n.key(), materialKey, status, quantity, unit, null, null, at.plus(shelfLife),
                plant.provenance(n.locator(), operator, at));
        plant.emit(lot);
        var p = plant.keys.next("production", "PROD");
        plant.emit(new Production(p.key(), batch.key(), lot.key(), quantity, unit,
                plant.provenance(p.locator(), operator, at)));
        return lot;
    }
}
