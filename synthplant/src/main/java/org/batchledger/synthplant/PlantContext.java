package org.batchledger.synthplant;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.synthplant.Staff.Person;

/** What every part of the generator shares: the dice, the key counters, provenance and where records go. */
final class PlantContext {
    final PlantSize size;
    final Dice dice;
    final Keys keys = new Keys();
    final ReleaseSpread spread;
    private final Recorder recorder;
    private final Consumer<LedgerRecord> out;

    PlantContext(long seed, PlantSize size, Consumer<LedgerRecord> out) {
        this.size = size;
        this.spread = new ReleaseSpread(size);
        this.dice = new Dice(seed);
        this.recorder = new Recorder(seed, dice);
        this.out = out;
    }

    void emit(LedgerRecord record) {
        out.accept(record);
    }

    Provenance provenance(String locator, Person by, Instant eventAt) {
        return recorder.at(locator, by.username(), eventAt);
    }

    Person pick(List<Person> pool) {
        return dice.pick(pool);
    }
}
