package org.batchledger.lineage.release;

import java.util.List;
import java.util.stream.Collectors;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.RecordRef;

/**
 * Deviations impacting the batch, a lot it produced, or any lot or batch upstream are closed. A trace cut by its
 * limits leaves the check INCOMPLETE unless an open deviation is already found (that blocks either way).
 */
final class DeviationCheck {
    static final String NAME = "deviations-closed";
    static final String TITLE = "Deviations impacting the batch or anything upstream closed";

    private DeviationCheck() {
    }

    static ReadinessCheck check(BatchFacts f) {
        List<Deviation> open = open(f);
        if (!open.isEmpty()) {
            return Checks.of(NAME, TITLE, CheckStatus.FAIL, Checks.sentence(open.stream().map(d -> "Deviation "
                    + d.key() + " (" + d.title() + ", " + d.severity() + ") impacting " + impacts(d) + " is "
                    + d.status()).toList()), open.stream().map(d -> Evidence.of(RecordRef.of(d),
                    d.status() + " deviation " + d.key() + ": " + d.title())).toList());
        }
        if (!f.trace().complete()) {
            return Checks.of(NAME, TITLE, CheckStatus.INCOMPLETE, "No open deviation impacts what the trace "
                    + "reached, but the upstream genealogy was cut by " + f.trace().truncatedBy()
                    + ", so deviations beyond it cannot be excluded.", List.of());
        }
        int n = f.deviations().size();
        return Checks.pass(NAME, TITLE, n == 0 ? "No deviation impacts batch " + f.batch().key()
                + ", its output or anything upstream." : Checks.every(n, "deviation", "deviations")
                + " impacting batch " + f.batch().key() + ", its output or anything upstream "
                + Checks.verb(n, "is", "are") + " closed.",
                f.deviations().stream().map(d -> Evidence.of(RecordRef.of(d), "closed deviation " + d.key()))
                        .toList());
    }

    static List<Deviation> open(BatchFacts f) {
        return f.deviations().stream().filter(d -> d.status() != DeviationStatus.CLOSED).toList();
    }

    private static String impacts(Deviation d) {
        return d.impacts().stream().map(Checks::named).collect(Collectors.joining(", "));
    }
}
