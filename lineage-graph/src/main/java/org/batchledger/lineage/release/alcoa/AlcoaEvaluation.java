package org.batchledger.lineage.release.alcoa;

import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.Batch;

/**
 * The ALCOA+ evaluation of one batch at one tree size: every principle (all ten, in order) and every finding
 * (ordered by principle, rule and record).
 *
 * @param batch                   the batch as read (null only when its stored version is no valid record, which
 *                                ALCOA-L-001 reports)
 * @param treeSize                the ledger size read: the asOf asked for, or the head when none was
 * @param recordsEvaluated        distinct records of the batch the rules looked at
 * @param recordsEvaluatedByRule  per rule ID, how many records it applied to (0: it had nothing to judge)
 */
public record AlcoaEvaluation(String batchKey, Batch batch, String ruleSetVersion, long treeSize, int recordsEvaluated,
                              List<PrincipleResult> principles, List<AlcoaFinding> findings,
                              Map<String, Integer> recordsEvaluatedByRule) {
    public AlcoaEvaluation {
        principles = List.copyOf(principles);
        findings = List.copyOf(findings);
        recordsEvaluatedByRule = Map.copyOf(recordsEvaluatedByRule);
    }

    /** The findings that block release. */
    public List<AlcoaFinding> criticalFindings() {
        return findings.stream().filter(f -> f.severity() == FindingSeverity.CRITICAL).toList();
    }
}
