package org.batchledger.hub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reviewed access policy, {@code requirements/access-policy.csv}: the expectation the authorization tests hold
 * the schema and the running hub to, written apart from both. Malformed rows fail with file and line.
 */
record AccessPolicy(List<Row> rows) {
    static final Path FILE = Path.of("../requirements/access-policy.csv");
    static final String FILE_NAME = "requirements/access-policy.csv";
    static final List<String> REALM_ROLES =
            List.of("operator", "qa-reviewer", "qa-release", "inspector", "adapter", "admin");
    static final String ANONYMOUS = "anonymous";
    static final String AUTHENTICATED = "authenticated";
    static final String DEFAULT_KIND = "Records";

    /** One row; {@code allowed} holds realm roles, or one of {@link #ANONYMOUS} and {@link #AUTHENTICATED}. */
    record Row(int line, String kind, String operation, Set<String> allowed, Set<String> reaches, String reason) {
        /** May this caller (a realm role, or null for no token) go through? */
        boolean lets(String role) {
            return allowed.contains(ANONYMOUS) || role != null && (allowed.contains(AUTHENTICATED) || allowed.contains(role));
        }

        String where() {
            return FILE_NAME + ":" + line + " (" + operation + ")";
        }
    }

    static AccessPolicy load() {
        try {
            return parse(Files.readAllLines(FILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessPolicy parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(text);
            if (header) {
                header = false;
                if (!cells.equals(List.of("kind", "operation", "allowed", "reaches", "reason"))) {
                    problems.add(FILE_NAME + ":" + (i + 1) + ": header must be kind,operation,allowed,reaches,reason");
                }
                continue;
            }
            if (cells.size() != 5 || !Set.of("graphql", "rest", "data").contains(cells.get(0))
                    || cells.get(4).isBlank()) {
                problems.add(FILE_NAME + ":" + (i + 1) + ": expected kind (graphql|rest|data),operation,allowed,"
                        + "reaches,reason (a reason is required)");
                continue;
            }
            Set<String> allowed = words(cells.get(2));
            Set<String> unknown = allowed.stream().filter(r -> !REALM_ROLES.contains(r) && !r.equals(ANONYMOUS)
                    && !r.equals(AUTHENTICATED)).collect(Collectors.toSet());
            if (allowed.isEmpty() || !unknown.isEmpty()) {
                problems.add(FILE_NAME + ":" + (i + 1) + ": allowed names no realm role or unknown ones " + unknown);
            }
            rows.add(new Row(i + 1, cells.get(0), cells.get(1).strip(), allowed, words(cells.get(3)), cells.get(4)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        return new AccessPolicy(List.copyOf(rows));
    }

    List<Row> ofKind(String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    Optional<Row> row(String kind, String operation) {
        return rows.stream().filter(r -> r.kind().equals(kind) && r.operation().equals(operation)).findFirst();
    }

    /** GraphQL type name to its data kind (the data rows' reaches); unnamed types are {@link #DEFAULT_KIND}. */
    Map<String, String> kindOfType() {
        Map<String, String> kinds = new LinkedHashMap<>();
        ofKind("data").forEach(d -> d.reaches().forEach(t -> kinds.put(t, d.operation())));
        return kinds;
    }

    /** One CSV line (RFC 4180 quoting: "a, b" and "" for a quote). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Set<String> words(String cell) {
        return Arrays.stream(cell.strip().split("\\s+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
