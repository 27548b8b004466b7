package org.batchledger.lineage.release.alcoa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every rule implementation the engine has, by ID: what a rule set may name. */
final class RuleCatalog {
    private static final Map<String, RuleDefinition> BY_ID = new LinkedHashMap<>();

    static {
        Stream.of(AttributableRules.all(), LegibleRules.all(), ContemporaneousRules.all(), OriginalRules.all(),
                        AccurateRules.all(), CompleteRules.all(), ConsistentRules.all(), EnduringRules.all(),
                        AvailableRules.all(), TraceableRules.all())
                .flatMap(List::stream).forEach(d -> {
                    if (BY_ID.putIfAbsent(d.id(), d) != null) {
                        throw new IllegalStateException("rule " + d.id() + " is implemented twice");
                    }
                });
    }

    private RuleCatalog() {
    }

    static Optional<RuleDefinition> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    static List<RuleDefinition> all() {
        return List.copyOf(BY_ID.values());
    }
}
