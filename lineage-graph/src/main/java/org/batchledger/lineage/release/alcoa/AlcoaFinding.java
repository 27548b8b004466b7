package org.batchledger.lineage.release.alcoa;

import java.util.List;
import org.batchledger.schema.record.RecordRef;

/** One record failing one rule: why, in a sentence a QA reviewer would write, and the evidence behind it. */
public record AlcoaFinding(AlcoaRule rule, RecordRef record, String explanation, List<Evidence> evidence) {
    public AlcoaFinding {
        evidence = List.copyOf(evidence);
    }

    public AlcoaPrinciple principle() {
        return rule.principle();
    }

    public FindingSeverity severity() {
        return rule.severity();
    }
}
