package org.batchledger.synthplant;

import java.time.Instant;
import org.batchledger.schema.record.Provenance;

/** Provenance of generated records: captured contemporaneously, a few minutes after the event (ALCOA+). */
final class Recorder {
    private final String source;
    private final Dice dice;

    Recorder(long seed, Dice dice) {
        this.source = "synthplant:" + seed;
        this.dice = dice;
    }

    Provenance at(String locator, String recordedBy, Instant eventAt) {
        return new Provenance(source, locator, recordedBy, eventAt.plus(dice.minutes(1, 20)), eventAt);
    }
}
