package org.batchledger.lineage.release;

import java.util.List;
import org.batchledger.lineage.release.alcoa.AlcoaEvaluation;
import org.batchledger.lineage.release.alcoa.AlcoaFinding;

/**
 * ALCOA+ without critical findings: the last readiness check, from the ALCOA+ engine's evaluation at the same tree
 * size. Any critical finding fails it, naming the first few rules and records; none passes it.
 */
final class AlcoaCheck {
    static final String NAME = "alcoa-no-critical-findings";
    private static final String TITLE = "ALCOA+ without critical findings";
    private static final int NAMED = 3;

    private AlcoaCheck() {
    }

    static ReadinessCheck check(AlcoaEvaluation evaluation) {
        List<AlcoaFinding> critical = evaluation.criticalFindings();
        if (critical.isEmpty()) {
            return new ReadinessCheck(NAME, TITLE, CheckStatus.PASS, "ALCOA+ rule set " + evaluation.ruleSetVersion()
                    + " finds nothing critical in the " + evaluation.recordsEvaluated() + " records of the batch.",
                    List.of());
        }
        String named = String.join("; ", critical.stream().limit(NAMED)
                .map(f -> f.rule().id() + " on " + f.record().key()).toList());
        String more = critical.size() > NAMED ? " and " + (critical.size() - NAMED) + " more" : "";
        return new ReadinessCheck(NAME, TITLE, CheckStatus.FAIL, "ALCOA+ rule set " + evaluation.ruleSetVersion()
                + " has " + critical.size() + " critical finding" + (critical.size() == 1 ? "" : "s") + ": " + named
                + more + ".", critical.stream().limit(20)
                .map(f -> new Evidence(f.rule().id() + ": " + f.explanation(), f.record())).toList());
    }
}
