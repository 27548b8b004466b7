package org.batchledger.lineage.release.alcoa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batchledger.lineage.release.alcoa.CleanBatch.NEO4J;
import static org.batchledger.lineage.release.alcoa.CleanBatch.at;
import static org.batchledger.lineage.release.alcoa.CleanBatch.of;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.release.Specifications;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's answer: scores and statuses per principle, pinned to a tree size, in a fixed number of queries. */
@Tag("REQ-RELEASE-001")
@Tag("REQ-RELEASE-003")
class AlcoaEngineIT {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlcoaEngineIT.class);
    @TempDir
    Path keys;

    @Test
    void withoutAsOfTheEvaluationIsPinnedToTheHeadAndSaysSo() {
        AlcoaEvaluation e = new CleanBatch().writeAndEvaluate(keys);
        long head = NEO4J.db().read(org.batchledger.lineage.ledger.LedgerHead::read).treeSize();
        assertThat(e.treeSize()).isEqualTo(head);
        assertThat(e.ruleSetVersion()).isEqualTo("2");
        assertThat(e.batchKey()).isEqualTo(CleanBatch.BATCH);
        assertThat(e.principles()).extracting(PrincipleResult::principle).containsExactly(AlcoaPrinciple.values());
    }

    @Test
    void asOfReadsTheRecordsAsTheyStoodThen() {
        CleanBatch b = new CleanBatch();
        NEO4J.clean();
        b.write(keys);
        long beforeCorrection = b.records.size(); // the first write's entries; the correction and signature follow
        AlcoaEvaluation then = b.engine().evaluate(CleanBatch.BATCH, new AsOf(beforeCorrection));
        AlcoaEvaluation now = b.evaluate();

        assertThat(then.treeSize()).isEqualTo(beforeCorrection);
        assertThat(then.recordsEvaluatedByRule().get("ALCOA-AC-003")).isZero();
        assertThat(now.recordsEvaluatedByRule().get("ALCOA-AC-003")).isEqualTo(1);
        assertThat(then.recordsEvaluated()).isEqualTo(now.recordsEvaluated() - 1); // no signature yet
    }

    @Test
    void anUnknownBatchOrAnAsOfOutsideTheLedgerIsRefused() {
        CleanBatch b = new CleanBatch();
        NEO4J.clean();
        b.write(keys);
        assertThatThrownBy(() -> b.engine().evaluate("t:NOPE", AsOf.CURRENT))
                .isInstanceOf(UnknownBatchException.class).hasMessageContaining("t:NOPE");
        assertThatThrownBy(() -> b.engine().evaluate(CleanBatch.BATCH, new AsOf(3L)))
                .isInstanceOf(UnknownBatchException.class); // recorded at entry 4
        assertThatThrownBy(() -> b.engine().evaluate(CleanBatch.BATCH, new AsOf(10_000L)))
                .isInstanceOf(LedgerArgumentException.class)
                .extracting(x -> ((LedgerArgumentException) x).argument()).isEqualTo("asOf");
    }

    @Test
    void oneCriticalFindingMakesItsPrincipleCriticalAndLowersItsScore() {
        CleanBatch b = new CleanBatch();
        b.add(CleanBatch.result("t:TR1", "Assay", "90.2", CleanBatch.PassOrOos.PASS));
        AlcoaEvaluation e = b.writeAndEvaluate(keys);
        PrincipleResult accurate = e.principles().get(AlcoaPrinciple.ACCURATE.ordinal());

        assertThat(accurate.status()).isEqualTo(AlcoaStatus.CRITICAL);
        // AC-001 judges both steps, AC-002 the assay, AC-003 the corrected step: 3 records, 1 with a finding
        assertThat(accurate.recordsEvaluated()).isEqualTo(3);
        assertThat(accurate.score()).isEqualTo(2.0 / 3);
        assertThat(e.criticalFindings()).extracting(f -> f.rule().id()).containsExactly("ALCOA-AC-002");
        assertThat(e.principles().get(AlcoaPrinciple.ORIGINAL.ordinal()).status()).isEqualTo(AlcoaStatus.MET);
    }

    @Test
    void aProductWithoutSpecificationLeavesTheRecipeAndTestRulesUnevaluated() {
        CleanBatch b = new CleanBatch();
        b.specifications = Specifications.NONE;
        b.rawData = RawDataStore.UNKNOWN;
        AlcoaEvaluation e = b.writeAndEvaluate(keys);
        assertThat(e.recordsEvaluatedByRule()).containsEntry("ALCOA-CO-001", 0).containsEntry("ALCOA-CO-002", 0)
                .containsEntry("ALCOA-AV-001", 0);
        assertThat(e.principles().get(AlcoaPrinciple.COMPLETE.ordinal()).status()).isEqualTo(AlcoaStatus.MET);
        assertThat(e.findings()).isEmpty();
    }

    @Test
    @Tag("REQ-RELEASE-020")
    void theNumberOfQueriesDoesNotGrowWithTheRecords() throws java.io.IOException {
        CleanBatch small = new CleanBatch();
        small.writeAndEvaluate(keys);
        long before = NEO4J.db().roundTrips();
        small.evaluate();
        long smallQueries = NEO4J.db().roundTrips() - before;

        CleanBatch large = new CleanBatch();
        IntStream.range(0, 300).forEach(i -> large.add(new StepRecord("t:X" + i, CleanBatch.BATCH, "granulate",
                "speed", Integer.toString(100 + i % 50), "rpm", 0.0, 200.0, at(30 + i % 60), "op",
                CleanBatch.prov(at(30 + i % 60)))));
        NEO4J.clean();
        large.write(java.nio.file.Files.createDirectories(keys.resolve("large")));
        large.evaluate(); // warm up the query plans, then time one evaluation (a figure for the log, not a test)
        before = NEO4J.db().roundTrips();
        long started = System.nanoTime();
        AlcoaEvaluation e = large.evaluate();
        long largeQueries = NEO4J.db().roundTrips() - before;
        LOG.info("evaluated {} records in {} ms with {} queries", e.recordsEvaluated(),
                (System.nanoTime() - started) / 1_000_000, largeQueries);

        assertThat(e.recordsEvaluated()).isEqualTo(309);
        assertThat(smallQueries).isEqualTo(largeQueries).isLessThanOrEqualTo(AlcoaEngine.QUERIES);
        assertThat(of(e, "ALCOA-AC-001")).isEmpty();
        assertThat(e.recordsEvaluatedByRule().get("ALCOA-AC-001")).isEqualTo(302);
    }
}
