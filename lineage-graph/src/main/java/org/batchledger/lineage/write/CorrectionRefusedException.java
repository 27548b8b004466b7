package org.batchledger.lineage.write;

import org.batchledger.lineage.write.CorrectionRules.Rule;

/**
 * A correction the {@link CorrectionRules} refuse: names the record, the field and the rule. {@code forbidden}
 * says the field may be corrected, only not by the caller's roles. Nothing was written.
 */
public final class CorrectionRefusedException extends RuntimeException {
    private final String record;
    private final String field;
    private final transient Rule rule;
    private final boolean forbidden;

    public CorrectionRefusedException(String record, String field, Rule rule, boolean forbidden) {
        super("correction of " + record + (field == null ? "" : " field " + field) + " refused: " + rule);
        this.record = record;
        this.field = field;
        this.rule = rule;
        this.forbidden = forbidden;
    }

    /** {@code Label:key} */
    public String record() {
        return record;
    }

    /** the refused field; null when the whole record type is refused */
    public String field() {
        return field;
    }

    public Rule rule() {
        return rule;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
