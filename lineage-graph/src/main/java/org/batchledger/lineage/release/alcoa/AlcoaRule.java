package org.batchledger.lineage.release.alcoa;

import java.time.Duration;
import java.util.Map;

/**
 * One rule in force: its ID ({@code ALCOA-C-002}), principle, severity and version from the rule set, its title and
 * plain-language explanation from the implementation, and its parameters (the set's, over the implementation's
 * defaults).
 */
public record AlcoaRule(String id, AlcoaPrinciple principle, FindingSeverity severity, int version, String title,
                        String explanation, Map<String, String> parameters) {
    public AlcoaRule {
        parameters = Map.copyOf(parameters);
    }

    /** A duration parameter (ISO-8601, e.g. {@code PT24H}); the rule set was checked to hold a valid one. */
    Duration duration(String name) {
        return Duration.parse(parameters.get(name));
    }

    int integer(String name) {
        return Integer.parseInt(parameters.get(name));
    }
}
