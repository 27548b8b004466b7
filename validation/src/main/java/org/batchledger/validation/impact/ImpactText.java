package org.batchledger.validation.impact;

import java.util.Map;
import java.util.TreeSet;
import org.batchledger.validation.requirements.Requirement;

/** The change impact as plain text for a terminal or a change-control record. */
final class ImpactText {
    private ImpactText() {
    }

    static String render(ChangeImpact c) {
        StringBuilder b = new StringBuilder();
        b.append("Change impact ").append(c.refA()).append(" (").append(c.commitA(), 0, 12).append(") -> ")
                .append(c.refB()).append(" (").append(c.commitB(), 0, 12).append(")\n\n");
        long docs = c.files().stream().filter(Touches::documentation).count();
        b.append("Files changed: ").append(c.files().size()).append(" (").append(docs).append(" documentation)\n");
        c.fileRequirements().forEach((f, ids) -> b.append("  ").append(f).append(ids.isEmpty()
                ? (Touches.documentation(f) ? "  [documentation]" : "  [no requirement]") : "  -> " + ids).append('\n'));
        b.append("\nGraphQL schema (graphql-java SchemaDiff): ");
        if (c.schema().isEmpty()) {
            b.append("no change\n");
        } else {
            b.append(count(c, "BREAKING")).append(" breaking, ").append(count(c, "DANGEROUS")).append(" dangerous, ")
                    .append(count(c, "INFO")).append(" info\n");
            c.schema().forEach(s -> b.append("  ").append(s.level()).append(' ').append(s.category()).append(' ')
                    .append(s.where()).append(": ").append(s.reason()).append("  (").append(s.file()).append(")\n"));
        }
        b.append("\nCorrection rules: ");
        if (!c.ruleNotes().isEmpty()) {
            b.append(String.join("; ", c.ruleNotes())).append('\n');
        } else if (c.rules().isEmpty()) {
            b.append("no change\n");
        } else {
            b.append(c.rules().size()).append(" line(s) changed\n");
            c.rules().forEach(r -> b.append("  ").append(r.sign()).append(' ').append(r.line()).append('\n'));
        }
        b.append("\nDependencies: ");
        if (c.dependencies().isEmpty()) {
            b.append("no change\n");
        } else {
            b.append(c.dependencies().size()).append(" change(s)\n");
            c.dependencies().forEach(d -> b.append("  ").append(d.pom()).append(": ").append(d.what()).append(": ")
                    .append(d.before()).append(" -> ").append(d.after()).append('\n'));
        }
        b.append('\n');
        if (c.noRequirementImpacted()) {
            b.append("No requirement impacted").append(docs == c.files().size() && docs > 0
                    ? " (documentation-only change)." : ".").append('\n');
            return b.toString();
        }
        b.append("Requirements impacted (re-validate): ").append(c.impacted().size()).append('\n');
        for (Map.Entry<String, TreeSet<String>> e : c.impacted().entrySet()) {
            Requirement r = c.requirements().get(e.getKey());
            b.append("  ").append(e.getKey()).append(" [").append(r.risk().text()).append(", ")
                    .append(r.status().text()).append("]: ").append(reasons(e.getValue())).append('\n');
        }
        return b.toString();
    }

    /** The non-file reasons in full, the files counted with the first few named. */
    private static String reasons(TreeSet<String> reasons) {
        java.util.List<String> files = reasons.stream().filter(r -> r.startsWith("file ")).map(r -> r.substring(5))
                .toList();
        java.util.List<String> parts = new java.util.ArrayList<>(reasons.stream().filter(r -> !r.startsWith("file "))
                .toList());
        if (!files.isEmpty()) {
            parts.add(files.size() + " file(s): " + String.join(", ", files.subList(0, Math.min(3, files.size())))
                    + (files.size() > 3 ? ", …" : ""));
        }
        return String.join("; ", parts);
    }

    private static long count(ChangeImpact c, String level) {
        return c.schema().stream().filter(s -> s.level().equals(level)).count();
    }
}
