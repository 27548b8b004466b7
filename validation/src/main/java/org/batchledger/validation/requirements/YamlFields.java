package org.batchledger.validation.requirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The fields of one YAML mapping node, read strictly: known keys only, no duplicates, each problem with its line. */
final class YamlFields {
    private final String file;
    private final int line;
    private final Map<String, Node> fields = new LinkedHashMap<>();
    private final List<String> problems;

    YamlFields(String file, MappingNode mapping, Set<String> known, Set<String> required, List<String> problems) {
        this.file = file;
        this.line = line(mapping);
        this.problems = problems;
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problem(t.getKeyNode(), "a key must be plain text");
                continue;
            }
            if (!known.contains(key.getValue())) {
                problem(key, "unknown field '" + key.getValue() + "' (known: " + String.join(", ", sorted(known)) + ")");
            } else if (fields.put(key.getValue(), t.getValueNode()) != null) {
                problem(key, "field '" + key.getValue() + "' given twice");
            }
        }
        for (String r : sorted(required)) {
            if (!fields.containsKey(r)) {
                problems.add(file + ":" + line + ": missing field '" + r + "'");
            }
        }
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    int line() {
        return line;
    }

    String text(String key) {
        return optionalText(key).orElse("");
    }

    Optional<String> optionalText(String key) {
        Node n = fields.get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
            return Optional.of(s.getValue().strip());
        }
        problem(n, "field '" + key + "' must be non-empty text");
        return Optional.empty();
    }

    List<String> list(String key) {
        Node n = fields.get(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            problem(n, "field '" + key + "' must be a list");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                values.add(s.getValue().strip());
            } else {
                problem(item, "each item of '" + key + "' must be non-empty text");
            }
        }
        return List.copyOf(values);
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, java.util.function.Function<E, String> text, E absent) {
        Optional<String> value = optionalText(key);
        if (value.isEmpty()) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (text.apply(e).equals(value.get())) {
                return e;
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(text).toList();
        problem(fields.get(key), "field '" + key + "' is '" + value.get() + "', expected one of " + allowed);
        return absent;
    }

    int lineOf(String key) {
        Node n = fields.get(key);
        return n == null ? line : line(n);
    }

    private void problem(Node at, String message) {
        problems.add(file + ":" + line(at) + ": " + message);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
