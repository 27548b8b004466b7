package org.batchledger.schema.record;

import java.time.Instant;

/**
 * An electronic signature (21 CFR 11.50): printed name, time and meaning, bound to the content hash of the exact
 * record version signed.
 *
 * @param capturedIn null for a signature the hub itself took (Part 11); otherwise the source system that captured it
 *                   (e.g. an MES's batch record, imported with its meaning and reason), which the hub shows but never
 *                   counts as its own e-signature
 */
public record Signature(String key, RecordRef signs, String signedContentHash, String signerSubject,
                        String printedName, SignatureMeaning meaning, String reason, Instant signedAt,
                        String capturedIn, Provenance provenance) implements LedgerRecord {
    public enum SignatureMeaning { PERFORMED, VERIFIED, REVIEWED, APPROVED, RELEASED, REJECTED, AUDIT_TRAIL_REVIEWED,
        CONDITIONALLY_RELEASED, ON_HOLD, EXCEPTION_REVIEWED }

    public Signature {
        signedAt = Instants.millis(signedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.SIGNATURE;
    }
}
