package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.release.BatchFacts.Upstream;
import org.batchledger.schema.record.RecordType;

/**
 * Upstream lots and batches released or approved, through the genealogy at any depth. Lots pass when RELEASED,
 * IN_STOCK or CONSUMED (the contract). Intermediate batches are approved through their output lots, whose status
 * is checked too: an upstream batch passes when RELEASED or COMPLETED, and fails when PLANNED, IN_PROCESS,
 * UNDER_REVIEW (its own disposition pending) or REJECTED. A trace cut by its limits is INCOMPLETE, never a pass.
 */
final class UpstreamCheck {
    static final String NAME = "upstream-released";
    static final String TITLE = "Upstream lots and batches released or approved";
    static final Set<String> LOT_OK = Set.of("RELEASED", "IN_STOCK", "CONSUMED");
    static final Set<String> BATCH_OK = Set.of("RELEASED", "COMPLETED");

    private UpstreamCheck() {
    }

    static ReadinessCheck check(BatchFacts f) {
        List<String> problems = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Upstream u : f.upstream().values()) {
            if (!acceptable(u)) {
                String what = (u.ref().type() == RecordType.LOT ? "Lot " : "Batch ") + u.ref().key()
                        + (u.material() == null ? "" : " (" + u.material() + ")");
                problems.add(what + " is " + (u.ref().type() == RecordType.LOT ? "in " : "") + u.status());
                evidence.add(Evidence.of(u.ref(), what + ": " + u.status()));
            }
        }
        TraceResult trace = f.trace();
        int levels = trace.maxHop();
        if (!trace.complete()) {
            String cut = "The upstream genealogy of batch " + f.batch().key() + " was cut by the trace limit "
                    + trace.truncatedBy() + " (maxHops " + trace.limits().maxHops() + ", maxNodes "
                    + trace.limits().maxNodes() + ") after " + Checks.plural(f.upstream().size(), "lot or batch",
                    "lots and batches") + ", so unreleased inputs beyond it cannot be excluded";
            return Checks.of(NAME, TITLE, CheckStatus.INCOMPLETE,
                    cut + (problems.isEmpty() ? "." : "; besides, " + Checks.list(problems) + "."), evidence);
        }
        if (!problems.isEmpty()) {
            return Checks.of(NAME, TITLE, CheckStatus.FAIL, Checks.sentence(problems), evidence);
        }
        int n = f.upstream().size();
        if (n == 0) {
            return Checks.pass(NAME, TITLE, "Batch " + f.batch().key() + " consumed no recorded lot, so nothing "
                    + "upstream awaits release.", List.of());
        }
        return Checks.pass(NAME, TITLE, Checks.every(n, "upstream lot or batch", "upstream lots and batches") + " ("
                + Checks.plural(levels, "level", "levels") + " of genealogy) " + Checks.verb(n, "is", "are")
                + " released or approved.", List.of());
    }

    static boolean acceptable(Upstream u) {
        return u.ref().type() == RecordType.LOT ? LOT_OK.contains(u.status()) : BATCH_OK.contains(u.status());
    }
}
