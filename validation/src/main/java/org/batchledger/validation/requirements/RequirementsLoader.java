package org.batchledger.validation.requirements;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code requirements/*.yaml} (each a list of requirements; the file name is the feature) and
 * {@code requirements/clauses.yaml} (the clause matrix). Every problem of every file is collected and thrown at once,
 * each naming file, line and field, so one run shows all there is to fix.
 */
public final class RequirementsLoader {
    public static final Pattern ID = Pattern.compile("REQ-[A-Z0-9]+-\\d{3}");
    /**
     * Clauses as written in the files: Part 11 sections, the GMP record rules of Part 211 that ingest serves (batch
     * records, laboratory records), Annex 11 sections, EU GMP Part I chapters, ALCOA+ principles.
     */
    public static final Pattern CLAUSE = Pattern.compile("21 CFR (Part )?11\\.\\d+(\\([a-k]\\)(\\(\\d+\\))?)?"
            + "|21 CFR 211\\.\\d+(\\([a-z]\\)(\\(\\d+\\))?)?"
            + "|(EU (GMP )?)?Annex 11 §\\d+(\\.\\d+)*"
            + "|EU GMP Ch\\. \\d+ §\\d+\\.\\d+"
            + "|ALCOA\\+ (Attributable|Legible|Contemporaneous|Original|Accurate|Complete|Consistent|Enduring|Available)");
    static final String CLAUSES_FILE = "clauses.yaml";
    private static final Set<String> KEYS = Set.of("id", "statement", "intendedUse", "risk", "riskReason",
            "assurance", "rationale", "clauses", "status", "touches");
    private static final Set<String> REQUIRED = Set.of("id", "statement", "intendedUse", "risk", "riskReason",
            "assurance", "clauses");
    private static final Set<String> CLAUSE_KEYS = Set.of("clause", "topic", "features", "requirements",
            "userProcedures");

    private RequirementsLoader() {
    }

    /** Loads {@code root/requirements}; throws {@link RequirementsException} listing every problem. */
    public static RequirementSet load(Path root) {
        Path dir = root.resolve("requirements");
        if (!Files.isDirectory(dir)) {
            throw new RequirementsException(List.of(dir + ": no requirements folder"));
        }
        List<String> problems = new ArrayList<>();
        List<Requirement> requirements = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        List<Path> files = yamlFiles(dir);
        for (Path f : files) {
            String name = "requirements/" + f.getFileName();
            Node node = compose(f, name, problems);
            if (node == null) {
                continue;
            }
            if (!(node instanceof SequenceNode list)) {
                problems.add(name + ":" + YamlFields.line(node) + ": expected a list of "
                        + (isClauses(f) ? "clauses" : "requirements"));
                continue;
            }
            for (Node item : list.getValue()) {
                if (!(item instanceof MappingNode m)) {
                    problems.add(name + ":" + YamlFields.line(item) + ": expected a mapping (field: value)");
                } else if (isClauses(f)) {
                    clauses.add(clause(name, m, problems));
                } else {
                    requirements.add(requirement(name, feature(f), m, problems));
                }
            }
        }
        crossCheck(requirements, clauses, problems);
        if (!problems.isEmpty()) {
            throw new RequirementsException(problems);
        }
        requirements.sort(Comparator.comparing(Requirement::id));
        return new RequirementSet(List.copyOf(requirements), List.copyOf(clauses),
                files.stream().map(root::relativize).toList());
    }

    private static Requirement requirement(String file, String feature, MappingNode m, List<String> problems) {
        YamlFields f = new YamlFields(file, m, KEYS, REQUIRED, problems);
        String id = f.text("id");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(file + ":" + f.lineOf("id") + ": id '" + id + "' is not of the form REQ-<FEATURE>-<NNN>");
        }
        List<String> clauses = f.list("clauses");
        for (String c : clauses) {
            if (!CLAUSE.matcher(c).matches()) {
                problems.add(file + ":" + f.lineOf("clauses") + ": " + id + ": clause '" + c + "' is not of the form "
                        + "'21 CFR 11.10(a)', '21 CFR 211.188(b)', 'EU Annex 11 §4', 'EU GMP Ch. 4 §4.20' or 'ALCOA+ <principle>'");
            }
        }
        if (clauses.isEmpty() && f.has("clauses")) {
            problems.add(file + ":" + f.lineOf("clauses") + ": " + id + ": names no clause");
        }
        return new Requirement(id, feature, f.text("statement"), f.text("intendedUse"),
                f.choice("risk", Requirement.Risk.class, Requirement.Risk::text, Requirement.Risk.HIGH),
                f.text("riskReason"),
                f.choice("assurance", Requirement.Assurance.class, Requirement.Assurance::text,
                        Requirement.Assurance.SCRIPTED_TEST),
                f.optionalText("rationale"), clauses,
                f.choice("status", Requirement.Status.class, Requirement.Status::text,
                        Requirement.Status.IMPLEMENTED),
                f.list("touches"), file, f.line());
    }

    private static Clause clause(String file, MappingNode m, List<String> problems) {
        YamlFields f = new YamlFields(file, m, CLAUSE_KEYS, Set.of("clause", "topic", "requirements"), problems);
        String clause = f.text("clause");
        if (!clause.isEmpty() && !CLAUSE.matcher(clause).matches()) {
            problems.add(file + ":" + f.lineOf("clause") + ": clause '" + clause + "' is not of a known form");
        }
        Clause c = new Clause(clause, f.text("topic"), f.list("features"), f.list("requirements"),
                f.optionalText("userProcedures"), file, f.line());
        if (c.requirements().isEmpty() && c.userProcedures().isEmpty()) {
            problems.add(file + ":" + f.line() + ": clause '" + clause
                    + "' has no requirements and says nothing of the user's procedures");
        }
        return c;
    }

    private static void crossCheck(List<Requirement> requirements, List<Clause> clauses, List<String> problems) {
        Map<String, Requirement> seen = new HashMap<>();
        for (Requirement r : requirements) {
            Requirement earlier = seen.putIfAbsent(r.id(), r);
            if (earlier != null && !r.id().isEmpty()) {
                problems.add(r.where() + ": duplicate id " + r.id() + " (also at " + earlier.where() + ")");
            }
        }
        Set<String> clauseNames = new java.util.HashSet<>();
        for (Clause c : clauses) {
            if (!clauseNames.add(c.clause())) {
                problems.add(c.file() + ":" + c.line() + ": clause '" + c.clause() + "' listed twice");
            }
            for (String id : c.requirements()) {
                if (!seen.containsKey(id)) {
                    problems.add(c.file() + ":" + c.line() + ": clause '" + c.clause() + "' names unknown requirement "
                            + id);
                }
            }
        }
    }

    private static Node compose(Path f, String name, List<String> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(name + ":" + line + ": not valid YAML: " + e.getProblem());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isClauses(Path f) {
        return f.getFileName().toString().equals(CLAUSES_FILE);
    }

    private static String feature(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }
}
