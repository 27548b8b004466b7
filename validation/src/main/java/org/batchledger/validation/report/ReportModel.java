package org.batchledger.validation.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.batchledger.validation.requirements.Clause;
import org.batchledger.validation.requirements.RequirementSet;
import org.batchledger.validation.results.TestResults;
import org.batchledger.validation.trace.Finding;
import org.batchledger.validation.trace.RequirementTrace;
import org.batchledger.validation.trace.Traceability;
import org.batchledger.validation.trace.Verdict;

/** Everything the report shows, sorted; both writers render exactly this. */
public record ReportModel(Environment environment, List<Input> inputs, String inputsDigest,
        List<RequirementTrace> traces, List<Finding> findings, List<Clause> clauses, long testRuns) {

    public static ReportModel of(Path root, RequirementSet requirements, TestResults results,
            Traceability.Result trace, Environment environment) {
        List<Path> files = new ArrayList<>(requirements.files());
        files.addAll(results.files());
        files.add(Path.of("pom.xml"));
        List<Input> inputs = files.stream().distinct().map(f -> Input.of(root, f))
                .sorted(Comparator.comparing(Input::path)).toList();
        String listing = inputs.stream().map(i -> i.sha256() + "  " + i.path() + "\n").collect(Collectors.joining());
        return new ReportModel(environment, inputs, Input.sha256(listing.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                trace.traces(), trace.findings(), requirements.clauses(), results.runs().size());
    }

    public Map<String, RequirementTrace> byId() {
        return traces.stream().collect(Collectors.toMap(t -> t.requirement().id(), Function.identity()));
    }

    /** Each ALCOA+ principle the requirements name, with those requirements (both sorted). */
    public Map<String, List<String>> alcoa() {
        Map<String, List<String>> m = new java.util.TreeMap<>();
        for (RequirementTrace t : traces) {
            t.requirement().clauses().stream().filter(c -> c.startsWith("ALCOA+ "))
                    .forEach(c -> m.computeIfAbsent(c, k -> new ArrayList<>()).add(t.requirement().id()));
        }
        return m;
    }

    public long count(Verdict v) {
        return traces.stream().filter(t -> t.verdict() == v).count();
    }

    public boolean gateHolds() {
        return findings.isEmpty();
    }
}
