package org.batchledger.lineage.release;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.release.ExceptionReviews.Decision;
import org.batchledger.lineage.release.ExceptionReviews.Review;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Every exception of the batch's review queue dispositioned (review by exception, #11): a standing decision
 * (accepted, or a deviation raised; its signature not withdrawn) covers each exception on its current evidence. An
 * exception whose records changed since its decision (a correction) is raised again and counts as open. Open
 * exceptions FAIL, except a pending result, which its value clears rather than a decision: when only pending results
 * are open the check is INCOMPLETE, as {@code tests-in-spec} is for them.
 * Reads the reviews {@link ReleaseReadiness} loaded for all evaluated batches in one query.
 */
final class ExceptionsReviewedCheck {
    static final String NAME = "exceptions-reviewed";
    static final String TITLE = "Every review exception dispositioned by a signed decision";
    /** Classes that data still to come clears, not a decision. */
    static final Set<ExceptionClass> AWAITING_WORK = EnumSet.of(ExceptionClass.PENDING_RESULT);

    private ExceptionsReviewedCheck() {
    }

    static ReadinessCheck check(BatchFacts f, List<Review> reviews) {
        String batch = f.batch().key();
        List<Review> open = reviews.stream().filter(r -> !r.dispositioned()).toList();
        if (reviews.isEmpty()) {
            return Checks.pass(NAME, TITLE, "Batch " + batch + " raises no review exception.", List.of());
        }
        if (open.isEmpty()) {
            long raised = reviews.stream().filter(r -> r.covering().orElseThrow().deviationKey() != null).count();
            return Checks.pass(NAME, TITLE, Checks.every(reviews.size(), "review exception of batch " + batch,
                    "review exceptions of batch " + batch) + " " + Checks.verb(reviews.size(), "is", "are")
                    + " dispositioned: " + (reviews.size() - raised) + " accepted, " + raised
                    + " with a deviation raised.", reviews.stream().map(r -> decided(r.covering().orElseThrow(),
                    r.exception())).toList());
        }
        long reRaised = open.stream().filter(r -> !r.earlier().isEmpty()).count();
        String sentence = open.size() + " of the " + Checks.plural(reviews.size(), "review exception",
                "review exceptions") + " of batch " + batch + " " + Checks.verb(open.size(), "is", "are")
                + " not dispositioned (" + classes(open) + ")" + (reRaised == 0 ? "" : "; " + reRaised
                + " of them raised again since its records changed after the decision") + ".";
        boolean awaitingOnly = open.stream().allMatch(r -> AWAITING_WORK.contains(r.exception().exceptionClass()));
        return Checks.of(NAME, TITLE, awaitingOnly ? CheckStatus.INCOMPLETE : CheckStatus.FAIL, sentence,
                open.stream().map(r -> pending(r, RecordRef.of(f.batch()))).toList());
    }

    /** "OOS_RESULT, OPEN_DEVIATION ×2", in the queue's class order. */
    private static String classes(List<Review> open) {
        Map<ExceptionClass, Integer> counts = new LinkedHashMap<>();
        open.forEach(r -> counts.merge(r.exception().exceptionClass(), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + (e.getValue() == 1 ? ""
                : " ×" + e.getValue())).toList());
    }

    /** The open exception's first record (the batch if it names none), labelled with its class, id and reason. */
    private static Evidence pending(Review r, RecordRef batch) {
        ReviewException x = r.exception();
        RecordRef first = x.records().isEmpty() ? batch : x.records().getFirst().record();
        return Evidence.of(first, x.exceptionClass() + " " + x.id() + (r.earlier().isEmpty() ? ""
                : " (raised again)") + ": " + x.reason());
    }

    private static Evidence decided(Decision d, ReviewException x) {
        return Evidence.of(new RecordRef(RecordType.EXCEPTION_DISPOSITION, d.key()), x.exceptionClass() + " "
                + d.decision() + (d.decidedBy() == null ? "" : " by " + d.decidedBy()));
    }
}
