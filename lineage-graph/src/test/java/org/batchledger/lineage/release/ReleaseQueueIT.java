package org.batchledger.lineage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.lineage.testsupport.ReleasePlant.BATCH;
import static org.batchledger.lineage.testsupport.ReleasePlant.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaRuleSet;
import org.batchledger.lineage.release.alcoa.RawDataStore;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release queue lists batches awaiting disposition oldest first with verdict and open exceptions; readiness of
 * many batches costs one query per check class plus one trace each.
 */
@Tag("REQ-RELEASE-006")
class ReleaseQueueIT {
    private static final String BLOCKED = "rp:B-TAB0";
    private static final String WAITING = "rp:B-TAB9";
    private static final String RELEASED = "rp:B-TABR";
    @TempDir
    Path keys;
    private ReleaseQueue queue;

    @BeforeEach
    void plant() {
        ReleasePlant p = ReleasePlant.ready();
        Batch tab = p.get(RecordType.BATCH, BATCH);
        // an earlier tablet batch with an OOS result, a later completed one nothing has been recorded for, a released one
        p.with(batch(tab, BLOCKED, Batch.BatchStatus.UNDER_REVIEW, T0.minus(Duration.ofDays(1))))
                .with(ReleasePlant.lot("rp:LOT-TAB0", ReleasePlant.PRODUCT, Lot.LotStatus.QUARANTINE))
                .with(new Production("rp:P-TAB0", BLOCKED, "rp:LOT-TAB0", 1.0, "kg", tab.provenance()))
                .with(new TestResult("rp:TR-0", new org.batchledger.schema.record.RecordRef(RecordType.LOT, "rp:LOT-TAB0"),
                        null, "Assay", "USP", "90", "%", 95.0, 105.0, TestResult.TestOutcome.OOS, T0, "Ana Lyst",
                        tab.provenance()))
                .with(batch(tab, WAITING, Batch.BatchStatus.COMPLETED, T0.plus(Duration.ofDays(1))))
                .with(batch(tab, RELEASED, Batch.BatchStatus.RELEASED, T0.minus(Duration.ofDays(9))));
        new ReleaseTestSupport(keys).write(p);
        queue = new ReleaseQueue(ReleaseTestSupport.NEO4J.db(),
                ReleaseTestSupport.readiness(ReleasePlant.specifications(), ReleaseReadiness.DEFAULT_LIMITS));
    }

    private static Batch batch(Batch like, String key, Batch.BatchStatus status, java.time.Instant start) {
        return new Batch(key, like.productKey(), like.stage(), status, like.masterRecord(), start,
                start.plus(Duration.ofHours(6)), like.provenance());
    }

    private ReleaseQueue.QueuePage page(ReleaseQueue.Filter filter, PageRequest request) {
        return queue.page(filter, request, new AsOf(ReleaseTestSupport.head()));
    }

    @Test
    void batchesAwaitingDispositionOldestFirstWithVerdictAndOpenExceptions() {
        ReleaseQueue.QueuePage q = page(ReleaseQueue.Filter.NONE, new PageRequest(10, null));

        assertThat(q.page().items()).extracting(i -> i.batch().key(), ReleaseQueue.Item::verdict,
                ReleaseQueue.Item::openExceptions).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BLOCKED, Verdict.BLOCKED, 1),
                org.assertj.core.groups.Tuple.tuple(BATCH, Verdict.READY, 0),
                org.assertj.core.groups.Tuple.tuple(WAITING, Verdict.INCOMPLETE, 0));
        assertThat(q.page().items().getFirst().waitingSince()).isEqualTo(T0.minus(Duration.ofDays(1)).plus(Duration.ofHours(6)));
        assertThat(q.totalCount()).isEqualTo(3);
        assertThat(q.countsByVerdict()).isEqualTo(Map.of(Verdict.BLOCKED, 1, Verdict.READY, 1, Verdict.INCOMPLETE, 1));
    }

    @Test
    void theIntermediateWhoseLotWasConsumedOnwardIsNotQueuedAndDispositionedBatchesOnlyOnRequest() {
        assertThat(page(ReleaseQueue.Filter.NONE, new PageRequest(10, null)).page().items())
                .extracting(i -> i.batch().key()).doesNotContain(ReleasePlant.INTERMEDIATE, RELEASED);

        var all = page(new ReleaseQueue.Filter(Set.of(), null, null, true), new PageRequest(10, null));
        assertThat(all.page().items()).extracting(i -> i.batch().key()).first().isEqualTo(RELEASED);
        assertThat(all.page().items().getFirst().verdict()).isEqualTo(Verdict.RELEASED);
    }

    @Test
    void filtersByVerdictAndByPartOfABatchOrLotKeyAndPagesByCursor() {
        var blocked = page(new ReleaseQueue.Filter(Set.of(Verdict.BLOCKED), null, null, false), new PageRequest(10, null));
        assertThat(blocked.page().items()).extracting(i -> i.batch().key()).containsExactly(BLOCKED);
        assertThat(blocked.totalCount()).isEqualTo(1);
        assertThat(blocked.countsByVerdict()).containsEntry(Verdict.READY, 1);

        var byLot = page(new ReleaseQueue.Filter(Set.of(), "lot-tab0", null, false), new PageRequest(10, null));
        assertThat(byLot.page().items()).extracting(i -> i.batch().key()).containsExactly(BLOCKED);

        // Stage names come from each source system's own spelling: the filter ignores letter case.
        assertThat(page(new ReleaseQueue.Filter(Set.of(), null, "Compression", false), new PageRequest(10, null))
                .totalCount()).isEqualTo(page(new ReleaseQueue.Filter(Set.of(), null, "COMPRESSION", false),
                new PageRequest(10, null)).totalCount()).isPositive();
        assertThat(page(new ReleaseQueue.Filter(Set.of(), null, "granulation", false), new PageRequest(10, null))
                .page().items()).isEmpty();

        var first = page(ReleaseQueue.Filter.NONE, new PageRequest(2, null));
        assertThat(first.page().hasNext()).isTrue();
        var second = page(ReleaseQueue.Filter.NONE, new PageRequest(2, first.page().keys().getLast()));
        assertThat(second.page().items()).extracting(i -> i.batch().key()).containsExactly(WAITING);
        assertThat(second.page().hasNext()).isFalse();
    }

    @Test
    @Tag("REQ-RELEASE-031")
    void readinessOfManyBatchesCostsOneQueryPerCheckClassPlusOneTraceEach() {
        var db = ReleaseTestSupport.NEO4J.db();
        ReleaseReadiness readiness = ReleaseTestSupport.readiness(ReleasePlant.specifications(),
                ReleaseReadiness.DEFAULT_LIMITS);
        AsOf asOf = new AsOf(ReleaseTestSupport.head());
        readiness.evaluate(BATCH, asOf); // the traversal learns whether the server has the trace procedure

        long before = db.roundTrips();
        readiness.evaluate(BATCH, asOf);
        long one = db.roundTrips() - before;
        before = db.roundTrips();
        readiness.evaluate(List.of(BATCH, BLOCKED, WAITING), asOf);
        long three = db.roundTrips() - before;

        long before1 = db.roundTrips();
        new GenealogyTraversal(db).trace(new org.batchledger.schema.record.RecordRef(RecordType.BATCH, BATCH),
                org.batchledger.lineage.genealogy.TraceDirection.UPSTREAM, ReleaseReadiness.DEFAULT_LIMITS, asOf);
        assertThat(db.roundTrips() - before1).as("one trace, server-side").isEqualTo(1);
        // plus the ALCOA+ engine's own read of each batch (its check comes from the engine), counted apart
        AlcoaEngine engine = new AlcoaEngine(db, AlcoaRuleSet.shipped(), ReleasePlant.specifications(), RawDataStore.UNKNOWN);
        long alcoa = 0;
        for (String batch : List.of(BATCH, BLOCKED, WAITING)) {
            long b = db.roundTrips();
            engine.evaluate(batch, asOf);
            long trips = db.roundTrips() - b;
            assertThat(trips).isLessThanOrEqualTo(AlcoaEngine.QUERIES);
            alcoa += trips;
            if (batch.equals(BATCH)) {
                // + the exception decisions (exceptions-reviewed), read only when the batch raised an exception
                int decisions = readiness.evaluate(BATCH, asOf).orElseThrow().exceptions().isEmpty() ? 0 : 1;
                assertThat(one).isEqualTo(7 + 1 + decisions + trips);
            }
        }
        assertThat(three).isEqualTo(7 + 3 + 1 + alcoa); // one query for the decisions of all three
    }
}
