package org.batchledger.schema.record;

import java.time.Instant;

/**
 * The withdrawal of a wrong signature (21 CFR 11.70: a signature is never altered): a record of its own, naming the
 * signature it withdraws, why, who withdrew it and when. The signature stays as signed and shows the withdrawal.
 *
 * @param signatureKey  key of the withdrawn {@link Signature}
 * @param withdrawnBy   subject of who withdrew it
 * @param printedName   their printed name
 */
public record SignatureWithdrawal(String key, String signatureKey, String reason, String withdrawnBy,
                                  String printedName, Instant withdrawnAt, Provenance provenance)
        implements LedgerRecord {
    /** The key of the (only) withdrawal of a signature: derived, so a second withdrawal collides. */
    public static String keyFor(String signatureKey) {
        return "withdrawal:" + signatureKey;
    }

    public SignatureWithdrawal {
        withdrawnAt = Instants.millis(withdrawnAt);
    }

    @Override
    public RecordType type() {
        return RecordType.SIGNATURE_WITHDRAWAL;
    }
}
