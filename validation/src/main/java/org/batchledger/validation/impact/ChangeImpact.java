package org.batchledger.validation.impact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batchledger.validation.requirements.Requirement;
import org.batchledger.validation.requirements.RequirementSet;
import org.batchledger.validation.requirements.RequirementsLoader;

/**
 * The change impact between two git refs of the project: changed files, the GraphQL schema diff, the correction-rule
 * diff and the dependency changes, each with the requirements it touches (by the {@code touches} of the requirements
 * in the working tree), and the union of those requirements: what to re-validate.
 */
public record ChangeImpact(String refA, String commitA, String refB, String commitB, List<String> files,
        Map<String, TreeSet<String>> fileRequirements, List<SchemaChanges.Change> schema,
        List<RuleChange> rules, List<String> ruleNotes, List<Dependencies.Change> dependencies,
        Map<String, TreeSet<String>> impacted, Map<String, Requirement> requirements) {
    /** The exported correction-rule table (one line per record type and field), kept current by a lineage-graph test. */
    public static final String RULES_EXPORT = "requirements/correction-rules.txt";
    static final String RULES_SOURCE = "lineage-graph/src/main/java/org/batchledger/lineage/write/CorrectionRules.java";

    /** A line of the rule table added ("+") or removed ("-"). */
    public record RuleChange(String sign, String line) {
    }

    public static ChangeImpact between(Path root, String refA, String refB) {
        Git git = new Git(root);
        String a = git.commit(refA);
        String b = git.commit(refB);
        RequirementSet set = RequirementsLoader.load(root);
        Touches touches = new Touches(set.requirements());
        Map<String, TreeSet<String>> impacted = new TreeMap<>();
        List<String> files = git.changedFiles(a, b);
        Map<String, TreeSet<String>> fileRequirements = new LinkedHashMap<>();
        for (String f : files) {
            TreeSet<String> ids = touches.of(f);
            fileRequirements.put(f, ids);
            ids.forEach(id -> because(impacted, id, "file " + f));
        }
        List<SchemaChanges.Change> schema = SchemaChanges.diff(sdl(git, a), sdl(git, b));
        schema.forEach(c -> touches.of(c.file()).forEach(id -> because(impacted, id, "schema " + c.level() + " "
                + c.where())));
        List<String> ruleNotes = new ArrayList<>();
        List<RuleChange> rules = rules(git, a, b, refA, refB, ruleNotes);
        rules.forEach(r -> touches.of(RULES_SOURCE).forEach(id -> because(impacted, id, "correction rule "
                + r.sign() + r.line())));
        List<Dependencies.Change> deps = new ArrayList<>();
        for (String pom : files.stream().filter(f -> f.equals("pom.xml") || f.endsWith("/pom.xml")).toList()) {
            List<Dependencies.Change> changes = Dependencies.diff(pom, git.show(a, pom).orElse(null),
                    git.show(b, pom).orElse(null));
            deps.addAll(changes);
            if (!changes.isEmpty()) {
                moduleRequirements(git, b, touches, pom).forEach(id -> because(impacted, id, "dependencies of "
                        + pom));
            }
        }
        return new ChangeImpact(refA, a, refB, b, files, fileRequirements, schema, rules, ruleNotes, deps, impacted,
                set.byId());
    }

    /** The same between two built hub jars: their classes and resources by source path, SDL, rules, libraries. */
    public static ChangeImpact betweenJars(Path root, Path jarA, Path jarB) {
        JarContents a = JarContents.read(jarA);
        JarContents b = JarContents.read(jarB);
        RequirementSet set = RequirementsLoader.load(root);
        Touches touches = new Touches(set.requirements());
        Map<String, TreeSet<String>> impacted = new TreeMap<>();
        TreeSet<String> paths = new TreeSet<>(a.files.keySet());
        paths.addAll(b.files.keySet());
        List<String> files = paths.stream().filter(p -> !java.util.Objects.equals(a.files.get(p), b.files.get(p)))
                .toList();
        Map<String, TreeSet<String>> fileRequirements = new LinkedHashMap<>();
        for (String f : files) {
            TreeSet<String> ids = touches.of(f);
            fileRequirements.put(f, ids);
            ids.forEach(id -> because(impacted, id, "file " + f));
        }
        List<SchemaChanges.Change> schema = SchemaChanges.diff(a.sdl, b.sdl);
        schema.forEach(c -> touches.of(c.file()).forEach(id -> because(impacted, id, "schema " + c.level() + " "
                + c.where())));
        List<String> ruleNotes = new ArrayList<>();
        var rulesA = a.rules(ruleNotes, jarA.getFileName().toString());
        var rulesB = b.rules(ruleNotes, jarB.getFileName().toString());
        List<RuleChange> rules = rulesA.isPresent() && rulesB.isPresent()
                ? lineDiff(rulesA.get(), rulesB.get()) : List.of();
        rules.forEach(r -> touches.of(RULES_SOURCE).forEach(id -> because(impacted, id, "correction rule "
                + r.sign() + r.line())));
        List<Dependencies.Change> deps = new ArrayList<>();
        TreeSet<String> libs = new TreeSet<>(a.libraries.keySet());
        libs.addAll(b.libraries.keySet());
        for (String lib : libs) {
            if (!java.util.Objects.equals(a.libraries.get(lib), b.libraries.get(lib))) {
                deps.add(new Dependencies.Change("BOOT-INF/lib", "library " + lib, a.libraries.getOrDefault(lib, "-"),
                        b.libraries.getOrDefault(lib, "-")));
            }
        }
        if (!deps.isEmpty()) {
            // a library serves the whole hub: every requirement with a main source in the jar is in scope
            b.files.keySet().forEach(f -> touches.of(f).forEach(id -> because(impacted, id, "libraries changed")));
        }
        return new ChangeImpact(jarA.getFileName().toString(), a.sha256, jarB.getFileName().toString(), b.sha256,
                files, fileRequirements, schema, rules, ruleNotes, deps, impacted, set.byId());
    }

    public boolean noRequirementImpacted() {
        return impacted.isEmpty();
    }

    public String render() {
        return ImpactText.render(this);
    }

    private static void because(Map<String, TreeSet<String>> impacted, String id, String reason) {
        impacted.computeIfAbsent(id, k -> new TreeSet<>()).add(reason);
    }

    private static Map<String, String> sdl(Git git, String commit) {
        Map<String, String> files = new TreeMap<>();
        for (String f : git.files(commit, SchemaChanges.SDL_DIR)) {
            if (f.endsWith(".graphqls") || f.endsWith(".graphql")) {
                files.put(f, git.show(commit, f).orElseThrow());
            }
        }
        return files;
    }

    private static List<RuleChange> rules(Git git, String a, String b, String refA, String refB, List<String> notes) {
        var before = git.show(a, RULES_EXPORT);
        var after = git.show(b, RULES_EXPORT);
        if (before.isEmpty() || after.isEmpty()) {
            notes.add("no " + RULES_EXPORT + " at " + (before.isEmpty() ? refA : refB)
                    + ": the rule table cannot be compared; changes to " + RULES_SOURCE + " are listed as files");
            return List.of();
        }
        return lineDiff(before.get().lines().toList(), after.get().lines().toList());
    }

    private static List<RuleChange> lineDiff(List<String> before, List<String> after) {
        TreeSet<String> old = new TreeSet<>(before);
        TreeSet<String> now = new TreeSet<>(after);
        List<RuleChange> changes = new ArrayList<>();
        old.stream().filter(l -> !now.contains(l)).forEach(l -> changes.add(new RuleChange("-", l)));
        now.stream().filter(l -> !old.contains(l)).forEach(l -> changes.add(new RuleChange("+", l)));
        return changes;
    }

    /** A pom's dependency change affects the requirements touching any main file of its module (all, for the root). */
    private static TreeSet<String> moduleRequirements(Git git, String commit, Touches touches, String pom) {
        String module = pom.equals("pom.xml") ? "" : pom.substring(0, pom.length() - "/pom.xml".length());
        TreeSet<String> ids = new TreeSet<>();
        for (String f : git.files(commit, module.isEmpty() ? "." : module)) {
            if (f.contains("/src/main/")) {
                ids.addAll(touches.of(f));
            }
        }
        return ids;
    }
}
