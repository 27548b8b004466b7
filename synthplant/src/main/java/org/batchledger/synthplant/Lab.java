package org.batchledger.synthplant;

import java.time.Instant;
import java.util.List;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.batchledger.synthplant.Staff.Person;

/** The QC laboratory: writes LIMS results on a lot or a batch, one test after another. */
final class Lab {
    private final PlantContext plant;

    Lab(PlantContext plant) {
        this.plant = plant;
    }

    /**
     * Tests {@code subject} from {@code start}; the test named {@code oosTest} (or none, if null) comes out of
     * specification.
     *
     * @return when the last result was recorded
     */
    Instant test(RecordRef subject, List<Measure> measures, Instant start, String oosTest) {
        return test(subject, measures, start, oosTest, null);
    }

    /**
     * As above; the test named {@code pendingTest} (or none) is registered without a value yet, outcome PENDING (a
     * microbial count takes days of incubation).
     */
    Instant test(RecordRef subject, List<Measure> measures, Instant start, String oosTest, String pendingTest) {
        Person analyst = plant.pick(Staff.ANALYSTS);
        Instant at = start;
        for (Measure measure : measures) {
            boolean oos = measure.name().equals(oosTest);
            boolean pending = measure.name().equals(pendingTest);
            var n = plant.keys.next("test", "TR");
            plant.emit(new TestResult(n.key(), subject, null, measure.name(), measure.method(),
                    pending ? null : measure.sample(plant.dice, oos), measure.unit(), measure.lower(),
                    measure.upper(), pending ? TestOutcome.PENDING : oos ? TestOutcome.OOS : TestOutcome.PASS, at,
                    analyst.username(), plant.provenance(n.locator(), analyst, at)));
            at = at.plus(plant.dice.minutes(10, 40));
        }
        return at;
    }
}
