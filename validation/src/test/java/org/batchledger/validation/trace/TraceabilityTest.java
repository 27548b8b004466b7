package org.batchledger.validation.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.validation.TestProject.A;
import static org.batchledger.validation.TestProject.B;
import static org.batchledger.validation.TestProject.C;
import static org.batchledger.validation.TestProject.D;
import static org.batchledger.validation.TestProject.UNKNOWN;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.batchledger.validation.TestProject;
import org.batchledger.validation.requirements.RequirementSet;
import org.batchledger.validation.requirements.RequirementsLoader;
import org.batchledger.validation.results.OpenTestReports;
import org.batchledger.validation.results.TestResults;
import org.batchledger.validation.results.TestRun;
import org.batchledger.validation.results.TestRun.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("REQ-VALIDATION-002")
class TraceabilityTest {
    @TempDir
    Path dir;

    @Test
    void theFixtureFailsTheGateForTheFailingTestAndTheUntracedOneButCountsNoSkippedTest() {
        TestProject p = new TestProject(dir).standard();
        Traceability.Result r = Traceability.evaluate(RequirementsLoader.load(dir), OpenTestReports.read(dir), dir);
        Map<String, RequirementTrace> byId = new java.util.TreeMap<>();
        r.traces().forEach(t -> byId.put(t.requirement().id(), t));
        assertThat(byId.get(A).verdict()).isEqualTo(Verdict.GAP);
        assertThat(byId.get(A).passed()).isEqualTo(1);
        assertThat(byId.get(A).notRun()).isEqualTo(2);
        assertThat(byId.get(C).verdict()).isEqualTo(Verdict.RATIONALE);
        assertThat(byId.get(D).verdict()).isEqualTo(Verdict.PLANNED);
        assertThat(r.findings()).extracting(Finding::kind, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.TEST_WITHOUT_REQUIREMENT, "org.example.SampleTest"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.FAILED_TEST, A),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.FAILED_TEST, B));
        assertThat(p.root()).isEqualTo(dir);
    }

    @Test
    void anUnknownIdIsNamedWithTestAndTheSourceLineOfItsTag() {
        TestProject p = new TestProject(dir).standard().write("app/src/test/java/org/example/SampleTest.java", """
                package org.example;

                @Tag("%s")
                @Tag("%s")
                class SampleTest {
                }
                """.formatted(A, UNKNOWN));
        TestResults results = results(run("passes()", Outcome.SUCCESSFUL, A, UNKNOWN));
        Traceability.Result r = Traceability.evaluate(RequirementsLoader.load(p.root()), results, dir);
        assertThat(r.findings()).filteredOn(f -> f.kind() == Finding.Kind.UNKNOWN_REQUIREMENT_ID).singleElement()
                .satisfies(f -> {
                    assertThat(f.subject()).isEqualTo(UNKNOWN);
                    assertThat(f.message()).contains("SampleTest passes()");
                    assertThat(f.where()).isEqualTo("app/src/test/java/org/example/SampleTest.java:4");
                });
    }

    @Test
    void highRiskNeedsAPassingTestWhateverTheRationaleAndNotHighNeedsATestOrARationale() {
        RequirementSet set = RequirementsLoader.load(new TestProject(dir).standard().root());
        Traceability.Result skippedOnly = Traceability.evaluate(set,
                results(run("a()", Outcome.SKIPPED, A)), dir);
        assertThat(skippedOnly.findings()).extracting(Finding::kind, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.HIGH_RISK_UNTESTED, A),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.NOT_COVERED, B));
        assertThat(skippedOnly.findings().getFirst().message()).contains("none passed (skipped or aborted tests "
                + "never count)");
        assertThat(skippedOnly.findings().getFirst().where()).isEqualTo("requirements/features.yaml:1");
    }

    @Test
    void everyRequirementCoveredAndEveryTestTracedHolds() {
        RequirementSet set = RequirementsLoader.load(new TestProject(dir).standard().root());
        Traceability.Result r = Traceability.evaluate(set, results(run("a()", Outcome.SUCCESSFUL, A),
                run("b()", Outcome.SUCCESSFUL, B, "benchmark")), dir);
        assertThat(r.findings()).isEmpty();
        assertThat(r.holds()).isTrue();
    }

    private static TestRun run(String name, Outcome outcome, String... tags) {
        return new TestRun("app", "surefire", "org.example.SampleTest", name, "[method:" + name + "]",
                List.of(tags), outcome, "");
    }

    private static TestResults results(TestRun... runs) {
        return new TestResults(List.of(runs), List.of(), Map.of());
    }
}
