package org.batchledger.lineage.release;

import java.util.List;
import org.batchledger.schema.release.Specifications;

/**
 * The checks in their fixed order. ALCOA+ without critical findings ({@code alcoa-no-critical-findings}) comes
 * last once the ALCOA+ engine is wired in; it is left out while the engine is not part of this build.
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
