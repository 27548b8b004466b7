package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaEvaluation;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.release.Specifications;

/**
 * Release readiness and review exceptions of batches at a tree size. One evaluation reads the facts once
 * ({@link ReleaseFacts}: 7 queries for any number of batches, plus one upstream trace per batch) and derives both
 * the checks and the exceptions from them; the decisions on those exceptions take one more query for all batches
 * (the {@code exceptions-reviewed} check); the ALCOA+ check adds one engine evaluation (one read transaction) per
 * batch.
 */
public final class ReleaseReadiness {
    /** The trace limits readiness walks the genealogy with: the API's defaults. */
    public static final TraceLimits DEFAULT_LIMITS = TraceLimits.of(TraceLimits.DEFAULT_HOPS, TraceLimits.DEFAULT_NODES);

    private final GraphDatabase db;
    private final ReleaseFacts facts;
    private final Specifications specifications;
    private final AlcoaEngine alcoa;

    /** @param alcoa the ALCOA+ engine whose critical findings block release (its own check, the last) */
    public ReleaseReadiness(GraphDatabase db, GenealogyTraversal traversal, Specifications specifications,
                            TraceLimits limits, AlcoaEngine alcoa) {
        this.db = db;
        this.facts = new ReleaseFacts(db, traversal, limits);
        this.specifications = specifications;
        this.alcoa = alcoa;
    }

    /** Readiness and exceptions of one batch, or empty when it did not exist at {@code asOf}. */
    public Optional<Evaluation> evaluate(String batchKey, AsOf asOf) {
        return Optional.ofNullable(evaluate(List.of(batchKey), asOf).get(batchKey));
    }

    /** Readiness and exceptions of many batches with the same number of queries as one (plus a trace each). */
    public Map<String, Evaluation> evaluate(Collection<String> batchKeys, AsOf asOf) {
        if (batchKeys.size() == 1) {
            return evaluateOne(batchKeys.iterator().next(), asOf);
        }
        Map<String, BatchFacts> loaded = facts.load(batchKeys, asOf);
        Map<String, List<ReviewException>> exceptions = exceptions(loaded);
        Map<String, List<ExceptionReviews.Review>> reviews = reviews(exceptions, asOf);
        Map<String, Evaluation> out = new LinkedHashMap<>();
        loaded.forEach((key, f) -> out.put(key, evaluate(f, exceptions.get(key), reviews.get(key), asOf,
                alcoa.evaluate(f.batch().key(), asOf))));
        return out;
    }

    /**
     * One batch, the release screen's question: the ALCOA+ evaluation (a third of the work) reads the same tree size
     * in a session of its own while the facts load, with the caller's read-your-writes bookmarks, so the answer
     * costs about the longer of the two rather than their sum. A queue of many batches stays sequential, so its
     * evaluations are never all held at once.
     */
    private Map<String, Evaluation> evaluateOne(String key, AsOf asOf) {
        CompletableFuture<Optional<AlcoaEvaluation>> beside = Beside.start(() -> alcoa.find(key, asOf));
        Map<String, BatchFacts> loaded = facts.load(List.of(key), asOf);
        Map<String, List<ReviewException>> exceptions = exceptions(loaded);
        Map<String, List<ExceptionReviews.Review>> reviews = reviews(exceptions, asOf);
        Map<String, Evaluation> out = new LinkedHashMap<>();
        loaded.forEach((k, f) -> out.put(k, evaluate(f, exceptions.get(k), reviews.get(k), asOf, Beside.joined(beside)
                .orElseGet(() -> alcoa.evaluate(k, asOf))))); // recorded between the two reads of the head
        return out;
    }

    private Map<String, List<ReviewException>> exceptions(Map<String, BatchFacts> loaded) {
        Map<String, List<ReviewException>> out = new LinkedHashMap<>();
        loaded.forEach((key, f) -> out.put(key, ReviewExceptions.of(f, specifications)));
        return out;
    }

    /**
     * The decisions on the exceptions of all batches evaluated together: one query ({@link ExceptionReviews}), none
     * when no exception was raised.
     */
    private Map<String, List<ExceptionReviews.Review>> reviews(Map<String, List<ReviewException>> exceptions,
                                                               AsOf asOf) {
        if (exceptions.values().stream().allMatch(List::isEmpty)) { // nothing raised, nothing to have decided
            Map<String, List<ExceptionReviews.Review>> none = new LinkedHashMap<>();
            exceptions.keySet().forEach(k -> none.put(k, List.of()));
            return none;
        }
        return db.read(tx -> ExceptionReviews.reviews(tx, exceptions, asOf));
    }

    Evaluation evaluate(BatchFacts f, List<ReviewException> exceptions, List<ExceptionReviews.Review> reviews,
                        AsOf asOf, AlcoaEvaluation alcoaEvaluation) {
        List<ReadinessCheck> checks = new ArrayList<>(ReadinessChecks.of(f, specifications));
        checks.add(ExceptionsReviewedCheck.check(f, reviews));
        checks.add(AlcoaCheck.check(alcoaEvaluation));
        Readiness readiness = new Readiness(f.batch(), asOf.treeSize(), Verdict.of(f.batch().status(), f.onHold(), checks), checks);
        return new Evaluation(readiness, exceptions, reviews);
    }

    /**
     * The readiness of a batch and the exceptions a reviewer must look at, from the same facts, each with what QA
     * decided on it ({@code reviews}, in the exceptions' order).
     */
    public record Evaluation(Readiness readiness, List<ReviewException> exceptions,
                             List<ExceptionReviews.Review> reviews) {
        public Evaluation {
            exceptions = List.copyOf(exceptions);
            reviews = List.copyOf(reviews);
        }
    }
}
