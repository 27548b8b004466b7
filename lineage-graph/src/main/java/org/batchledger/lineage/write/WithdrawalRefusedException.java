package org.batchledger.lineage.write;

import org.batchledger.lineage.write.CorrectionRules.Rule;

/**
 * A signature withdrawal refused: names the signature and the rule. {@code forbidden}: the caller is neither the
 * signer nor qa-release. Nothing was written.
 */
public final class WithdrawalRefusedException extends RuntimeException {
    private final String signature;
    private final transient Rule rule;
    private final boolean forbidden;

    WithdrawalRefusedException(String signatureKey, Rule rule, boolean forbidden) {
        super("withdrawal of Signature:" + signatureKey + " refused: " + rule);
        this.signature = "Signature:" + signatureKey;
        this.rule = rule;
        this.forbidden = forbidden;
    }

    /** {@code Signature:key} */
    public String signature() {
        return signature;
    }

    public Rule rule() {
        return rule;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
