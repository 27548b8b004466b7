package org.batchledger.lineage.release.alcoa;

/** A rule set that cannot be used: names the set (file) and the rule ID or field at fault. */
public final class InvalidRuleSetException extends RuntimeException {
    private final String ruleId;

    public InvalidRuleSetException(String source, String ruleId, String message) {
        super(source + (ruleId == null ? "" : ": rule " + ruleId) + ": " + message);
        this.ruleId = ruleId;
    }

    /** The rule ID at fault, or null when the problem is the set as a whole. */
    public String ruleId() {
        return ruleId;
    }
}
