package org.batchledger.validation.trace;

import java.util.List;
import org.batchledger.validation.requirements.Requirement;
import org.batchledger.validation.results.TestRun;

/** A requirement, the test runs that name it (sorted), and its verdict. */
public record RequirementTrace(Requirement requirement, List<TestRun> tests, Verdict verdict) {

    public long count(TestRun.Outcome outcome) {
        return tests.stream().filter(t -> t.outcome() == outcome).count();
    }

    public long passed() {
        return count(TestRun.Outcome.SUCCESSFUL);
    }

    public long failed() {
        return tests.stream().filter(t -> t.outcome().failed()).count();
    }

    /** Skipped and aborted runs: shown, never counted. */
    public long notRun() {
        return count(TestRun.Outcome.SKIPPED) + count(TestRun.Outcome.ABORTED);
    }
}
