package org.batchledger.schema.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are kept to the millisecond so a record's canonical form is stable across stores. */
public final class Instants {
    private Instants() {
    }

    public static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }
}
