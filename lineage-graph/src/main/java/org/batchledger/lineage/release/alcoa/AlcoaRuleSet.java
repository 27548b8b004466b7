package org.batchledger.lineage.release.alcoa;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules in force: a versioned JSON document naming rule IDs with their severity, version and parameters,
 * each mapped to its implementation in {@link RuleCatalog}. Loading refuses, by name, an unknown or repeated rule ID,
 * a missing severity, and a parameter the rule does not take or cannot read.
 *
 * <pre>{"version": "1", "rules": [{"id": "ALCOA-C-001", "severity": "MAJOR", "version": 1,
 *   "parameters": {"window": "PT24H"}}]}</pre>
 */
public final class AlcoaRuleSet {
    /** The rule set shipped with the hub. */
    public static final String SHIPPED = "alcoa-rules-v2.json";

    private final String version;
    private final List<Bound> rules;

    /** A rule in force with its implementation. */
    record Bound(AlcoaRule rule, RuleDefinition definition) {
    }

    private AlcoaRuleSet(String version, List<Bound> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
    }

    public String version() {
        return version;
    }

    /** The rules in force, in the order of the set. */
    public List<AlcoaRule> rules() {
        return rules.stream().map(Bound::rule).toList();
    }

    List<Bound> bound() {
        return rules;
    }

    /** The shipped rule set ({@value #SHIPPED}). */
    public static AlcoaRuleSet shipped() {
        try (InputStream in = AlcoaRuleSet.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new InvalidRuleSetException(SHIPPED, null, "is not on the class path");
            }
            return read(in, SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a rule set; {@code source} names it in errors. */
    public static AlcoaRuleSet read(InputStream json, String source) {
        Document doc;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            doc = jsonb.fromJson(json, Document.class);
        } catch (JsonbException e) {
            throw new InvalidRuleSetException(source, null, "is not a rule set document: " + e.getMessage());
        } catch (Exception e) {
            throw new InvalidRuleSetException(source, null, "cannot be read: " + e.getMessage());
        }
        if (doc == null || doc.version == null || doc.version.isBlank()) {
            throw new InvalidRuleSetException(source, null, "names no \"version\"");
        }
        if (doc.rules == null || doc.rules.isEmpty()) {
            throw new InvalidRuleSetException(source, null, "lists no \"rules\"");
        }
        Set<String> seen = new HashSet<>();
        List<Bound> bound = new ArrayList<>();
        for (Entry e : doc.rules) {
            if (e == null || e.id == null || e.id.isBlank()) {
                throw new InvalidRuleSetException(source, null, "a rule has no \"id\"");
            }
            if (!seen.add(e.id)) {
                throw new InvalidRuleSetException(source, e.id, "is listed twice");
            }
            RuleDefinition d = RuleCatalog.find(e.id)
                    .orElseThrow(() -> new InvalidRuleSetException(source, e.id, "is not a rule this hub implements"));
            bound.add(new Bound(new AlcoaRule(d.id(), d.principle(), severity(source, e), version(source, e),
                    d.title(), d.explanation(), parameters(source, e, d)), d));
        }
        return new AlcoaRuleSet(doc.version, bound);
    }

    private static FindingSeverity severity(String source, Entry e) {
        try {
            return FindingSeverity.valueOf(e.severity);
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new InvalidRuleSetException(source, e.id, "severity '" + e.severity + "' is not one of INFO, MINOR,"
                    + " MAJOR, CRITICAL");
        }
    }

    private static int version(String source, Entry e) {
        if (e.version == null || e.version < 1) {
            throw new InvalidRuleSetException(source, e.id, "needs a \"version\" of at least 1");
        }
        return e.version;
    }

    private static Map<String, String> parameters(String source, Entry e, RuleDefinition d) {
        Map<String, String> merged = new HashMap<>(d.defaults());
        if (e.parameters != null) {
            e.parameters.forEach((name, value) -> {
                if (!d.defaults().containsKey(name)) {
                    throw new InvalidRuleSetException(source, e.id, "takes no parameter '" + name + "'");
                }
                merged.put(name, value);
            });
        }
        merged.forEach((name, value) -> check(source, e.id, name, value, d.defaults().get(name)));
        return merged;
    }

    // a parameter is read as its default is written: an ISO-8601 duration or a whole number
    private static void check(String source, String id, String name, String value, String example) {
        try {
            if (example.startsWith("P")) {
                if (Duration.parse(value).isNegative()) {
                    throw new InvalidRuleSetException(source, id, "parameter '" + name + "' must not be negative");
                }
            } else if (Integer.parseInt(value) < 0) {
                throw new InvalidRuleSetException(source, id, "parameter '" + name + "' must not be negative");
            }
        } catch (DateTimeParseException | NumberFormatException | NullPointerException ex) {
            throw new InvalidRuleSetException(source, id, "parameter '" + name + "' = '" + value
                    + "' is not of the form of '" + example + "'");
        }
    }

    /** JSON-B binding shape; public fields because Yasson binds those without setters. */
    public static final class Document {
        public String version;
        public List<Entry> rules;
    }

    public static final class Entry {
        public String id;
        public String severity;
        public Integer version;
        public Map<String, String> parameters;
    }
}
