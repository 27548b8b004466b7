package org.batchledger.lineage.release.alcoa;

import java.util.Map;

/**
 * A rule's implementation: its ID, principle, title, plain-language explanation, the parameters it takes (with
 * defaults) and the check. The rule set decides whether it is in force, with which severity, version and parameters.
 */
record RuleDefinition(String id, AlcoaPrinciple principle, String title, String explanation,
                      Map<String, String> defaults, Check check) {
    /** Looks at the batch's records and reports every record it evaluated and every finding. */
    @FunctionalInterface
    interface Check {
        void run(BatchRecords records, AlcoaRule rule, RuleSink sink);
    }

    RuleDefinition {
        defaults = Map.copyOf(defaults);
        if (!id.startsWith("ALCOA-" + principle.code() + "-")) {
            throw new IllegalArgumentException(id + " is not an ID of principle " + principle);
        }
    }

    static RuleDefinition of(String id, AlcoaPrinciple principle, String title, String explanation, Check check) {
        return new RuleDefinition(id, principle, title, explanation, Map.of(), check);
    }
}
