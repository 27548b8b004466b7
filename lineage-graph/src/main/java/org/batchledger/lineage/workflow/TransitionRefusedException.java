package org.batchledger.lineage.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batchledger.lineage.write.RefusalRule;

/** A transition refused: names the record, its current state (when known) and the rule. Nothing was written. */
public final class TransitionRefusedException extends RuntimeException {
    private final String record;
    private final RefusalRule rule;
    private final transient Map<String, Object> details;

    TransitionRefusedException(String record, RefusalRule rule, Map<String, Object> details) {
        super("transition of " + record + " refused: " + rule);
        this.record = record;
        this.rule = rule;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** {@code Label:key} of the record. */
    public String record() {
        return record;
    }

    public RefusalRule rule() {
        return rule;
    }

    /** Rule-specific facts: state, transition, allowed (transitions from the state), window, authTime. */
    public Map<String, Object> details() {
        return details;
    }
}
