package org.batchledger.schema.record;

import java.time.Instant;

/**
 * A cleaning of equipment; {@code validUntil} is the end of its clean hold time. It makes equipment clean only once
 * verified by a second person ({@code verifiedBy} someone other than {@code performedBy}): in the hub by the cleaning
 * workflow's VERIFY transition (a signed new version), or as the source system recorded it.
 *
 * @param verifiedBy who verified it (a second person); null while unverified
 * @param verifiedAt when it was verified; null while unverified
 */
public record Cleaning(String key, String equipmentKey, String method, Instant performedAt, Instant validUntil,
                       String performedBy, String verifiedBy, Instant verifiedAt, Provenance provenance)
        implements LedgerRecord {
    /** The canonical constructor is the one JSON binding uses (there is a second one for unverified cleanings). */
    @jakarta.json.bind.annotation.JsonbCreator
    public Cleaning {
        performedAt = Instants.millis(performedAt);
        validUntil = Instants.millis(validUntil);
        verifiedAt = Instants.millis(verifiedAt);
    }

    /** A cleaning not (yet) verified; its canonical bytes are those of a cleaning recorded before verification. */
    public Cleaning(String key, String equipmentKey, String method, Instant performedAt, Instant validUntil,
                    String performedBy, Provenance provenance) {
        this(key, equipmentKey, method, performedAt, validUntil, performedBy, null, null, provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.CLEANING;
    }
}
