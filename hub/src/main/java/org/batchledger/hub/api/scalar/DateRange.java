package org.batchledger.hub.api.scalar;

import java.time.Instant;
import org.batchledger.hub.api.BadRequestException;

/** A window, from inclusive, to exclusive. */
public record DateRange(Instant from, Instant to) {
    public static final DateRange ANY = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("date range: 'from' (" + from + ") must be before 'to' (" + to + ")");
        }
    }
}
