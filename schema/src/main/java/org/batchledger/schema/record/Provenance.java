package org.batchledger.schema.record;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a record came from and who captured it when.
 *
 * @param source     the system or file the record came from, e.g. {@code mes:plant-a} or {@code file:sha256:…}
 * @param locator    where inside the source: a line, an XPath, a JSON pointer; may be null for direct entry
 * @param recordedBy who captured the record (user subject or adapter client id)
 * @param recordedAt capture time (ALCOA "contemporaneous")
 * @param eventAt    when the recorded event happened
 */
public record Provenance(String source, String locator, String recordedBy, Instant recordedAt, Instant eventAt) {
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(eventAt, "eventAt");
        recordedAt = Instants.millis(recordedAt);
        eventAt = Instants.millis(eventAt);
    }
}
