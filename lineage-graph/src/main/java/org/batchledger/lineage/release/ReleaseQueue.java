package org.batchledger.lineage.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.schema.record.Batch;

/**
 * The release queue: batches awaiting disposition, oldest first, with their verdict and open exceptions.
 * Awaiting disposition = UNDER_REVIEW (submitted to QA), or COMPLETED unless every lot it produced has already been
 * consumed by a later batch — an intermediate used onward was approved through its lots, which readiness of the
 * batches downstream checks. {@code waitingSince} is when the batch ended, or when it was recorded if it has no end.
 * {@code openExceptions} counts the exceptions no standing decision covers ({@link ExceptionReviews}).
 * Cost: one query for the list, then the evaluation's queries for all listed batches together: 7 for the facts, one
 * trace each, and one for the exception decisions ({@link ExceptionReviews}), which readiness reads anyway.
 */
public final class ReleaseQueue {
    private static final String AWAITING = """
            MATCH (b:Batch) WHERE VALID AND b.status IN $statuses
              AND ($stage IS NULL OR toLower(b.stage) = toLower($stage))
              AND (b.status <> 'COMPLETED'
                   OR NOT EXISTS { (:Batch {key: b.key, version: 1})-[:PRODUCED]->(:Lot) }
                   OR EXISTS { MATCH (:Batch {key: b.key, version: 1})-[:PRODUCED]->(l:Lot)
                               WHERE NOT EXISTS { MATCH (l)-[c:CONSUMED_IN]->(:Batch)
                                                  WHERE ($asOf IS NULL OR c.ledgerSeq <= $asOf)
                                                    AND""" + Visibility.published("c") + """
                                                  } })
              AND ($search IS NULL OR toLower(b.key) CONTAINS $search
                   OR EXISTS { MATCH (:Batch {key: b.key, version: 1})-[:PRODUCED]->(l:Lot)
                               WHERE toLower(l.key) CONTAINS $search })
            RETURN b.key AS key""";

    private final GraphDatabase db;
    private final ReleaseReadiness readiness;

    public ReleaseQueue(GraphDatabase db, ReleaseReadiness readiness) {
        this.db = db;
        this.readiness = readiness;
    }

    /** What to list: verdicts (empty = all), a part of a batch or lot key, a stage, and dispositioned batches too. */
    public record Filter(Set<Verdict> verdicts, String search, String stage, boolean includeDispositioned) {
        public static final Filter NONE = new Filter(Set.of(), null, null, false);

        public Filter {
            verdicts = verdicts == null ? Set.of() : Set.copyOf(verdicts);
            search = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
            stage = stage == null || stage.isBlank() ? null : stage;
        }
    }

    public record Item(Batch batch, Verdict verdict, int openExceptions, Instant waitingSince) {
        /** The order of the queue and its cursor: waiting since (oldest first, unknown last), then the key. */
        String sortKey() {
            return String.format("%020d|%s", waitingSince == null ? Long.MAX_VALUE : waitingSince.toEpochMilli(),
                    batch.key());
        }
    }

    /** One page of the queue, the number of items the filter matches and how many of each verdict it would show. */
    public record QueuePage(Page<Item> page, int totalCount, Map<Verdict, Integer> countsByVerdict) {
    }

    public QueuePage page(Filter filter, PageRequest request, AsOf asOf) {
        List<String> keys = db.read(tx -> tx.run(AWAITING.replace("VALID", asOf.predicate("b")), params(filter, asOf))
                .list(r -> r.get("key").asString()));
        List<Item> all = new ArrayList<>();
        Map<String, ReleaseReadiness.Evaluation> evaluations = readiness.evaluate(keys, asOf);
        evaluations.forEach((key, e) -> all.add(new Item(e.readiness().batch(), e.readiness().verdict(),
                (int) e.reviews().stream().filter(r -> !r.dispositioned()).count(),
                waitingSince(e.readiness().batch()))));
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        all.forEach(i -> counts.merge(i.verdict(), 1, Integer::sum));
        List<Item> matching = all.stream().filter(i -> filter.verdicts().isEmpty()
                || filter.verdicts().contains(i.verdict())).sorted(Comparator.comparing(Item::sortKey)).toList();
        List<Item> after = matching.stream().filter(i -> request.afterKey() == null
                || i.sortKey().compareTo(request.afterKey()) > 0).limit(request.first() + 1L).toList();
        return new QueuePage(Page.of(after, request, Item::sortKey), matching.size(), counts);
    }

    private static Map<String, Object> params(Filter filter, AsOf asOf) {
        List<String> statuses = new ArrayList<>(List.of("UNDER_REVIEW", "COMPLETED"));
        if (filter.includeDispositioned()) {
            statuses.addAll(List.of("RELEASED", "REJECTED"));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("asOf", asOf.treeSize());
        p.put("statuses", statuses);
        p.put("stage", filter.stage());
        p.put("search", filter.search());
        return p;
    }

    static Instant waitingSince(Batch b) {
        return b.endedAt() != null ? b.endedAt() : b.provenance().recordedAt();
    }
}
