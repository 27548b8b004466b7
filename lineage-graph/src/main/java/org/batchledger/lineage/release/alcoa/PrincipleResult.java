package org.batchledger.lineage.release.alcoa;

import java.util.List;

/**
 * One principle's outcome: {@code score} is the share of the records its rules evaluated that have none of its
 * findings (1.0 when none was evaluated, status NOT_EVALUATED).
 */
public record PrincipleResult(AlcoaPrinciple principle, double score, AlcoaStatus status, int recordsEvaluated,
                              List<AlcoaFinding> findings) {
    public PrincipleResult {
        findings = List.copyOf(findings);
    }

    public int findingCount() {
        return findings.size();
    }
}
