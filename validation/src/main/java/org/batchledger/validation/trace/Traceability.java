package org.batchledger.validation.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batchledger.validation.requirements.Requirement;
import org.batchledger.validation.requirements.RequirementSet;
import org.batchledger.validation.results.TestResults;
import org.batchledger.validation.results.TestRun;

/**
 * Joins requirements with test runs through the runs' {@code REQ-} tags and finds the gaps. A tag that looks like a
 * requirement ID but names none is located in the test's source ({@code <module>/src/test/java/…}, the line holding
 * the tag) so the fix is one click away.
 */
public final class Traceability {
    static final String TAG_PREFIX = "REQ-";

    private Traceability() {
    }

    /** The traces (in requirement ID order) and the gate's findings (sorted). */
    public record Result(List<RequirementTrace> traces, List<Finding> findings) {
        public boolean holds() {
            return findings.isEmpty();
        }
    }

    public static Result evaluate(RequirementSet requirements, TestResults results, Path root) {
        Map<String, Requirement> byId = requirements.byId();
        Map<String, List<TestRun>> testsOf = new TreeMap<>();
        TreeSet<Finding> findings = new TreeSet<>();
        Map<String, TestRun> untracedByClass = new LinkedHashMap<>();
        for (TestRun run : results.runs()) {
            List<String> ids = run.tags().stream().filter(t -> t.startsWith(TAG_PREFIX)).toList();
            if (ids.isEmpty()) {
                untracedByClass.putIfAbsent(run.className(), run);
            }
            for (String id : ids) {
                if (byId.containsKey(id)) {
                    testsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(run);
                } else {
                    findings.add(new Finding(Finding.Kind.UNKNOWN_REQUIREMENT_ID, id,
                            "named by " + run.label() + " (" + run.module() + ", " + run.plugin()
                                    + ") but no requirement has this ID", tagLocation(root, run, id)));
                }
            }
        }
        untracedByClass.values().forEach(run -> findings.add(new Finding(Finding.Kind.TEST_WITHOUT_REQUIREMENT,
                run.className(), "runs tests that name no requirement (e.g. " + run.name()
                        + "); add @Tag(\"REQ-…\") to the class or method", sourceFile(root, run))));
        List<RequirementTrace> traces = new ArrayList<>();
        for (Requirement r : requirements.requirements()) {
            List<TestRun> tests = List.copyOf(testsOf.getOrDefault(r.id(), List.of()));
            RequirementTrace trace = new RequirementTrace(r, tests, verdict(r, tests, findings));
            traces.add(trace);
        }
        return new Result(List.copyOf(traces), List.copyOf(findings));
    }

    private static Verdict verdict(Requirement r, List<TestRun> tests, TreeSet<Finding> findings) {
        if (r.planned()) {
            return Verdict.PLANNED;
        }
        List<TestRun> failed = tests.stream().filter(t -> t.outcome().failed()).toList();
        if (!failed.isEmpty()) {
            findings.add(new Finding(Finding.Kind.FAILED_TEST, r.id(), failed.size() + " failing test(s), e.g. "
                    + failed.getFirst().label(), r.where()));
            return Verdict.GAP;
        }
        if (tests.stream().anyMatch(t -> t.outcome().passed())) {
            return Verdict.VERIFIED;
        }
        String runs = tests.isEmpty() ? "no test names it" : tests.size() + " test(s) name it, none passed (skipped "
                + "or aborted tests never count)";
        if (r.risk() == Requirement.Risk.HIGH) {
            findings.add(new Finding(Finding.Kind.HIGH_RISK_UNTESTED, r.id(),
                    "high-risk requirement without a passing automated test: " + runs, r.where()));
            return Verdict.GAP;
        }
        if (r.rationale().isPresent()) {
            return Verdict.RATIONALE;
        }
        findings.add(new Finding(Finding.Kind.NOT_COVERED, r.id(),
                "neither a passing test nor a written rationale covers it: " + runs, r.where()));
        return Verdict.GAP;
    }

    private static String sourceFile(Path root, TestRun run) {
        String outer = run.className().replaceFirst("\\$.*", "");
        Path file = root.resolve(run.module()).resolve("src/test/java").resolve(outer.replace('.', '/') + ".java");
        return Files.isRegularFile(file) ? root.relativize(file).toString() : run.className();
    }

    private static String tagLocation(Path root, TestRun run, String id) {
        String file = sourceFile(root, run);
        Path path = root.resolve(file);
        if (!Files.isRegularFile(path)) {
            return file;
        }
        try {
            List<String> lines = Files.readAllLines(path);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + id + "\"")) {
                    return file + ":" + (i + 1);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
