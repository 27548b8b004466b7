package org.batchledger.hub.release;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.release.Evidence;
import org.batchledger.lineage.release.ReleaseQueue;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.ReleaseReadiness.Evaluation;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.springframework.stereotype.Service;

/**
 * Resolves the arguments (batch ID or key, asOf checked against the ledger, pinned to the head when absent),
 * evaluates, and shapes the answer; evidence records are loaded in one query, and only when the request asks.
 */
@Service
class ReleaseReads {
    private final ReleaseReadiness readiness;
    private final ReleaseQueue queue;
    private final RecordQueries records;
    private final AsOfArgument asOfArgument;
    private final GraphDatabase db;

    ReleaseReads(ReleaseReadiness readiness, ReleaseQueue queue, RecordQueries records, AsOfArgument asOfArgument,
                 GraphDatabase db) {
        this.readiness = readiness;
        this.queue = queue;
        this.records = records;
        this.asOfArgument = asOfArgument;
        this.db = db;
    }

    /** The asOf argument checked against the ledger; without one, the head's tree size, so answers name it. */
    AsOf pinned(Integer asOf) {
        AsOf at = asOfArgument.parse(asOf);
        return at.isCurrent() ? new AsOf(db.read(LedgerHead::read).treeSize()) : at;
    }

    ReadinessView readiness(String batch, AsOf at, boolean withRecords) {
        Evaluation e = evaluate(batch, at);
        var r = e.readiness();
        Map<RecordRef, LedgerRecord> loaded = load(r.checks().stream().flatMap(c -> c.evidence().stream()).toList(),
                at, withRecords);
        List<CheckView> checks = r.checks().stream().map(c -> new CheckView(c.name(), c.title(), c.status(),
                c.explanation(), EvidenceView.of(c.evidence(), loaded))).toList();
        return new ReadinessView(r.batch(), r.ready(), r.verdict(), Math.toIntExact(at.treeSize()), checks);
    }

    ReviewQueueView reviewQueue(String batch, AsOf at, boolean withRecords) {
        Evaluation e = evaluate(batch, at);
        Map<RecordRef, LedgerRecord> loaded = load(e.exceptions().stream().flatMap(x -> x.records().stream()).toList(),
                at, withRecords);
        List<ExceptionView> all = e.exceptions().stream().map(x -> new ExceptionView(x.id(), x.exceptionClass(),
                x.severity(), x.reason(), EvidenceView.of(x.records(), loaded), x.raisedAt())).toList();
        return new ReviewQueueView(e.readiness().batch(), Math.toIntExact(at.treeSize()), all.size(), all);
    }

    QueueConnection queue(Integer first, String after, QueueFilterInput filter, AsOf at) {
        ReleaseQueue.Filter f = filter == null ? ReleaseQueue.Filter.NONE : new ReleaseQueue.Filter(
                filter.verdict() == null ? Set.of() : Set.copyOf(filter.verdict()), filter.search(), filter.stage(),
                Boolean.TRUE.equals(filter.includeDispositioned()));
        return new QueueConnection(queue.page(f, Paging.of(first, after), at));
    }

    private Evaluation evaluate(String batch, AsOf at) {
        String key = GlobalIds.keyOrId(batch, RecordType.BATCH);
        return readiness.evaluate(key, at).orElseThrow(() -> new NotFoundException(batch));
    }

    private Map<RecordRef, LedgerRecord> load(Collection<Evidence> evidence, AsOf at, boolean wanted) {
        List<RecordRef> refs = EvidenceView.loadable(evidence);
        return wanted && !refs.isEmpty() ? records.byRefs(refs, at) : Map.of();
    }
}
