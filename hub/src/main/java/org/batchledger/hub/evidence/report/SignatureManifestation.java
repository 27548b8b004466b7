package org.batchledger.hub.evidence.report;

import java.time.Instant;

/**
 * An e-signature as 21 CFR 11.50 requires it to be shown, with the record version it is linked to (11.70).
 *
 * @param printedName          the signer's printed name
 * @param userId               the signer's user id
 * @param signedAt             when it was signed (printed in UTC)
 * @param meaning              the meaning of the signature (review, approval, responsibility, ...)
 * @param reason               the signer's comment, or null
 * @param recordVersion        the record version signed
 * @param signedLedgerSeq      the ledger entry that wrote the version signed
 * @param signedRecordHashHex  the record-version content hash the signature covers, lower-case hex
 * @param withdrawal           null while the signature stands
 */
public record SignatureManifestation(String printedName, String userId, Instant signedAt, String meaning,
        String reason, int recordVersion, long signedLedgerSeq, String signedRecordHashHex, Withdrawal withdrawal) {

    /** Who withdrew the signature, when and why. */
    public record Withdrawal(Instant at, String by, String reason) {
    }

    public boolean withdrawn() {
        return withdrawal != null;
    }
}
