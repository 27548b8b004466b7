package org.batchledger.lineage.release;

import java.util.List;

/**
 * One check of release readiness: a stable name ({@code upstream-released}), a title, the outcome, one sentence a
 * QA reviewer would write, and the records behind it.
 */
public record ReadinessCheck(String name, String title, CheckStatus status, String explanation,
                             List<Evidence> evidence) {
    public ReadinessCheck {
        evidence = List.copyOf(evidence);
    }
}
