package org.batchledger.synthplant;

import java.time.Duration;
import java.time.Instant;

/**
 * Plant time. Every instant derives from a fixed epoch, never the wall clock. Each line starts one order per slot;
 * lines are staggered within the slot so that order start times increase with the order index, which is what lets
 * a raw-material lot be received just before the first order that needs it.
 */
final class PlantClock {
    static final Instant EPOCH = Instant.parse("2026-01-05T06:00:00Z");
    /**
     * One order per line per day. An order occupies any one unit for at most about seven hours, so consecutive
     * orders never overlap on equipment and there is room to clean and calibrate in between.
     */
    static final Duration SLOT = Duration.ofHours(24);

    private final int lines;

    PlantClock(int lines) {
        this.lines = lines;
    }

    Instant orderStart(int slot, int line) {
        long staggerMinutes = SLOT.toMinutes() * line / lines;
        return EPOCH.plus(SLOT.multipliedBy(slot)).plusSeconds(staggerMinutes * 60);
    }

    static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }
}
