package org.batchledger.validation.impact;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.batchledger.validation.requirements.Requirement;

/**
 * Which requirements a changed path touches. A {@code touches} entry with a '/' or '*' is a glob over repository paths
 * ({@code lineage-graph/src/main/java/**}); a dotted name is a Java package and matches its files and sub-packages in
 * every module and source set. Documentation (Markdown, {@code docs/}, images) touches no requirement.
 */
final class Touches {
    private record Rule(Requirement requirement, String pattern, PathMatcher glob, String packagePath) {
        boolean matches(String path) {
            return glob != null ? glob.matches(Path.of(path)) : path.contains("/" + packagePath + "/");
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    Touches(List<Requirement> requirements) {
        for (Requirement r : requirements) {
            for (String t : r.touches()) {
                boolean glob = t.contains("/") || t.contains("*");
                rules.add(new Rule(r, t, glob ? FileSystems.getDefault().getPathMatcher("glob:" + t) : null,
                        glob ? null : t.replace('.', '/')));
            }
        }
    }

    static boolean documentation(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.startsWith("docs/") || p.contains("/docs/") || p.endsWith(".png")
                || p.endsWith(".jpg") || p.equals("license") || p.equals("notice");
    }

    /** The IDs of the requirements that {@code path} touches (sorted); none for documentation. */
    TreeSet<String> of(String path) {
        TreeSet<String> ids = new TreeSet<>();
        if (documentation(path)) {
            return ids;
        }
        for (Rule r : rules) {
            if (r.matches(path)) {
                ids.add(r.requirement().id());
            }
        }
        return ids;
    }
}
