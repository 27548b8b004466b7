package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;

/**
 * The specification checks: every test of the product's specification has a result (on the batch or a lot it
 * produced), every result is in specification (an OOS result blocks, a PENDING one leaves it incomplete), and
 * every step of the specification has a step record. INVALIDATED results count for nothing. A product without a
 * specification, or a specification that lists no tests (or steps), is INCOMPLETE: empty means "not specified".
 */
final class TestChecks {
    static final String COMPLETE = "tests-complete";
    static final String IN_SPEC = "tests-in-spec";
    static final String STEPS = "batch-record-complete";

    private TestChecks() {
    }

    static ReadinessCheck complete(BatchFacts f, Specifications specs) {
        String title = "Tests of the specification complete";
        Optional<ProductSpecification> spec = specs.of(f.batch().productKey());
        if (spec.isEmpty() || spec.get().tests().isEmpty()) {
            return Checks.of(COMPLETE, title, CheckStatus.INCOMPLETE, noSpec(f, spec, "tests"), List.of());
        }
        List<String> problems = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (String test : spec.get().tests()) {
            List<TestResult> results = valid(f).stream().filter(t -> test.equals(t.test())).toList();
            if (results.isEmpty()) {
                problems.add("test " + test + " has no result");
            } else if (results.stream().allMatch(t -> t.outcome() == TestOutcome.PENDING)) {
                problems.add("test " + test + " is PENDING (" + results.getFirst().key() + ")");
                evidence.add(Evidence.of(ref(results.getFirst()), "pending result " + test));
            }
        }
        String of = "specification " + spec.get().product() + " version " + spec.get().version();
        if (!problems.isEmpty()) {
            return Checks.of(COMPLETE, title, CheckStatus.INCOMPLETE, "For " + of + ", " + Checks.list(problems)
                    + ".", evidence);
        }
        int n = spec.get().tests().size();
        return Checks.pass(COMPLETE, title, Checks.every(n, "test", "tests") + " of " + of + " "
                + Checks.verb(n, "has a result", "have results") + ".", List.of());
    }

    static ReadinessCheck inSpec(BatchFacts f) {
        String title = "Test results in specification";
        List<TestResult> results = valid(f);
        List<TestResult> oos = results.stream().filter(t -> t.outcome() == TestOutcome.OOS).toList();
        List<TestResult> pending = results.stream().filter(t -> t.outcome() == TestOutcome.PENDING).toList();
        if (!oos.isEmpty()) {
            return Checks.of(IN_SPEC, title, CheckStatus.FAIL, Checks.sentence(oos.stream().map(t -> "Result "
                    + t.key() + " (" + t.test() + " on " + on(t) + ") is out of specification: "
                    + value(t)).toList()), oos.stream().map(t -> Evidence.of(ref(t), "OOS result " + t.test()
                    + " on " + on(t))).toList());
        }
        if (!pending.isEmpty()) {
            return Checks.of(IN_SPEC, title, CheckStatus.INCOMPLETE, Checks.sentence(pending.stream().map(t ->
                    "Result " + t.key() + " (" + t.test() + ") is still PENDING").toList()),
                    pending.stream().map(t -> Evidence.of(ref(t), "pending result " + t.test())).toList());
        }
        if (results.isEmpty()) {
            return Checks.of(IN_SPEC, title, CheckStatus.INCOMPLETE, "No test result is recorded on batch "
                    + f.batch().key() + " or the lots it produced.", List.of());
        }
        return Checks.pass(IN_SPEC, title, Checks.every(results.size(), "result", "results") + " on batch "
                + f.batch().key() + " and its lots " + Checks.verb(results.size(), "is", "are")
                + " within specification.", List.of());
    }

    static ReadinessCheck steps(BatchFacts f, Specifications specs) {
        String title = "Steps of the master recipe recorded";
        Optional<ProductSpecification> spec = specs.of(f.batch().productKey());
        if (spec.isEmpty() || spec.get().steps().isEmpty()) {
            return Checks.of(STEPS, title, CheckStatus.INCOMPLETE, noSpec(f, spec, "steps"), List.of());
        }
        List<String> missing = spec.get().steps().stream()
                .filter(step -> f.steps().stream().map(StepRecord::step).noneMatch(step::equals)).toList();
        if (!missing.isEmpty()) {
            return Checks.of(STEPS, title, CheckStatus.INCOMPLETE, "Batch " + f.batch().key()
                    + " has no step record for " + Checks.list(missing.stream().map(s -> "step " + s).toList()) + ".",
                    List.of(Evidence.of(RecordRef.of(f.batch()), "batch " + f.batch().key())));
        }
        int n = spec.get().steps().size();
        return Checks.pass(STEPS, title, Checks.every(n, "step", "steps") + " of specification "
                + spec.get().product() + " version " + spec.get().version() + " "
                + Checks.verb(n, "has step records", "have step records") + ".", List.of());
    }

    private static String noSpec(BatchFacts f, Optional<ProductSpecification> spec, String what) {
        return spec.isEmpty()
                ? "No specification is in force for product " + f.batch().productKey() + ", so the required "
                + what + " of batch " + f.batch().key() + " are unknown."
                : "Specification " + spec.get().product() + " version " + spec.get().version() + " lists no "
                + what + ", so the required " + what + " are unknown.";
    }

    static List<TestResult> valid(BatchFacts f) {
        return f.tests().stream().filter(t -> t.outcome() != TestOutcome.INVALIDATED).toList();
    }

    /** "71 % (limit ≥ 80 %)", "6.1 (limits 6.5–7.5)", "&gt;2.0 % (limit ≤ 1.0 %)" with its qualifier. */
    static String value(TestResult t) {
        String unit = t.unit() == null ? "" : " " + t.unit();
        Double lo = t.lowerLimit();
        Double hi = t.upperLimit();
        String limits = lo == null && hi == null ? ""
                : lo != null && hi != null ? " (limits " + Checks.number(lo) + "–" + Checks.number(hi) + unit + ")"
                : lo != null ? " (limit ≥ " + Checks.number(lo) + unit + ")" : " (limit ≤ " + Checks.number(hi) + unit + ")";
        return t.reading() + unit + limits;
    }

    /** What a result is on: its subject, or the sample it names while its subject field is empty. */
    static String on(TestResult t) {
        return t.subject() != null ? Checks.named(t.subject()) : "sample " + t.sampleId();
    }

    static RecordRef ref(TestResult t) {
        return RecordRef.of(t);
    }
}
