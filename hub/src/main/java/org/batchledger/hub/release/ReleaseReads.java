package org.batchledger.hub.release;

import java.util.List;
import java.util.Set;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.loader.AsOfArgument;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.release.Views.CheckView;
import org.batchledger.hub.release.Views.ExceptionView;
import org.batchledger.hub.release.Views.QueueFilterInput;
import org.batchledger.hub.release.Views.ReadinessView;
import org.batchledger.hub.release.Views.ReviewQueueView;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.release.ExceptionClass;
import org.batchledger.lineage.release.ReleaseQueue;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.ReleaseReadiness.Evaluation;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.schema.record.RecordType;
import org.springframework.stereotype.Service;

/**
 * Resolves the arguments (batch ID or key, asOf checked against the ledger, pinned to the head when absent),
 * evaluates, and shapes the answer.
 */
@Service
class ReleaseReads {
    private final ReleaseReadiness readiness;
    private final ReleaseQueue queue;
    private final AsOfArgument asOfArgument;
    private final GraphDatabase db;

    ReleaseReads(ReleaseReadiness readiness, ReleaseQueue queue, AsOfArgument asOfArgument, GraphDatabase db) {
        this.readiness = readiness;
        this.queue = queue;
        this.asOfArgument = asOfArgument;
        this.db = db;
    }

    /** The asOf argument checked against the ledger; without one, the head's tree size, so answers name it. */
    AsOf pinned(Integer asOf) {
        AsOf at = asOfArgument.parse(asOf);
        return at.isCurrent() ? new AsOf(db.read(LedgerHead::read).treeSize()) : at;
    }

    ReadinessView readiness(String batch, AsOf at) {
        var r = evaluate(batch, at).readiness();
        List<CheckView> checks = r.checks().stream().map(c -> new CheckView(c.name(), c.title(), c.status(),
                c.explanation(), EvidenceView.of(c.evidence()))).toList();
        return new ReadinessView(r.batch(), r.ready(), r.verdict(), Math.toIntExact(at.treeSize()), checks);
    }

    ReviewQueueView reviewQueue(String batch, AsOf at) {
        Evaluation e = evaluate(batch, at);
        List<ExceptionView> all = e.reviews().stream().map(ExceptionView::of).toList();
        int open = (int) all.stream().filter(x -> x.disposition() == null).count();
        return new ReviewQueueView(e.readiness().batch(), Math.toIntExact(at.treeSize()), all.size(), open, all);
    }

    QueueConnection queue(Integer first, String after, QueueFilterInput filter, AsOf at) {
        ReleaseQueue.Filter f = filter == null ? ReleaseQueue.Filter.NONE : new ReleaseQueue.Filter(
                filter.verdict() == null ? Set.of() : Set.copyOf(filter.verdict()), filter.search(), filter.stage(),
                Boolean.TRUE.equals(filter.includeDispositioned()));
        return new QueueConnection(queue.page(f, Paging.of(first, after), at));
    }

    /** The exceptions of one class (null: all) in their order; the cursor is the position, zero-padded. */
    static Page<ExceptionView> exceptions(ReviewQueueView queue, ExceptionClass exceptionClass, PageRequest request) {
        List<ExceptionView> all = queue.all().stream().filter(x -> exceptionClass == null
                || x.exceptionClass() == exceptionClass).toList();
        int from = 0;
        if (request.afterKey() != null) {
            try {
                from = Integer.parseInt(request.afterKey()) + 1;
            } catch (NumberFormatException e) {
                throw new org.batchledger.hub.api.BadRequestException("argument 'after' is not a cursor this API issued");
            }
        }
        List<ExceptionView> rest = all.subList(Math.min(from, all.size()), Math.min(all.size(),
                from + request.first() + 1));
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            keys.add(String.format("%06d", from + i));
        }
        boolean more = rest.size() > request.first();
        int n = Math.min(rest.size(), request.first());
        return new Page<>(List.copyOf(rest.subList(0, n)), keys.subList(0, n), more, request.afterKey() != null);
    }

    private Evaluation evaluate(String batch, AsOf at) {
        String key = GlobalIds.keyOrId(batch, RecordType.BATCH);
        return readiness.evaluate(key, at).orElseThrow(() -> new NotFoundException(batch));
    }
}
