package org.batchledger.lineage.release;

import java.util.List;
import org.batchledger.schema.release.Specifications;

/**
 * The checks read from the batch's facts, in their fixed order. ALCOA+ without critical findings
 * ({@link AlcoaCheck}) follows them, from the engine's own evaluation.
 */
final class ReadinessChecks {
    private ReadinessChecks() {
    }

    static List<ReadinessCheck> of(BatchFacts f, Specifications specs) {
        return List.of(UpstreamCheck.check(f), TestChecks.complete(f, specs), TestChecks.inSpec(f),
                TestChecks.steps(f, specs), DeviationCheck.check(f), EquipmentCheck.check(f),
                SignatureCheck.check(f), AuditTrailCheck.check(f), LedgerCheck.check(f));
    }
}
