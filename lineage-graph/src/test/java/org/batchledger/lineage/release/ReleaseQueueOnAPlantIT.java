package org.batchledger.lineage.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.synthplant.DesignedBatch;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.ReleaseCase;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness over every batch of the generated DEMO plant (384 batches) in one queue request: each gets a verdict
 * from real-shaped data, with one list query, 7 fact queries, one trace per batch and one query for the exception
 * decisions, and the time it took; the designed batches get their designed verdicts from the real checks.
 */
@Tag("REQ-RELEASE-031")
@Tag("REQ-RELEASE-006")
@Tag("REQ-RELEASE-045")
class ReleaseQueueOnAPlantIT {
    @TempDir
    Path keys;

    @Test
    void everyBatchOfTheDemoPlantGetsAVerdictWithOneQueryPerCheckClass() {
        var support = new ReleaseTestSupport(keys);
        SyntheticPlant plant = SyntheticPlant.of(20261124L, PlantSize.DEMO);
        new BulkLoader(ReleaseTestSupport.NEO4J.db(), ReleaseTestSupport.NEO4J.writer())
                .load("demo", plant.chunks(5_000), SmallPlant.OPERATOR, "demo plant", 0);
        support.checkpoint();
        var db = ReleaseTestSupport.NEO4J.db();
        ReleaseQueue queue = new ReleaseQueue(db, ReleaseTestSupport.readiness(
                org.batchledger.schema.release.Specifications.NONE, ReleaseReadiness.DEFAULT_LIMITS));
        AsOf asOf = new AsOf(ReleaseTestSupport.head());
        queue.page(new ReleaseQueue.Filter(Set.of(), null, null, true), new PageRequest(1, null), asOf); // warm-up

        long before = db.roundTrips();
        long t0 = System.nanoTime();
        var page = queue.page(new ReleaseQueue.Filter(Set.of(), null, null, true), new PageRequest(100, null), asOf);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long trips = db.roundTrips() - before;

        Map<Verdict, Integer> counts = page.countsByVerdict();
        System.out.printf("release queue over the DEMO plant: %d batches, %d ms, %d round trips, %s%n",
                page.totalCount(), millis, trips, counts);
        assertThat(page.totalCount()).isPositive();
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(page.totalCount());
        // plus one for the exception decisions and the evidence's content hashes (the exceptions-reviewed check)
        assertThat(trips).isEqualTo(1 + 7 + page.totalCount() * (1L + org.batchledger.lineage.release.alcoa.AlcoaEngine.QUERIES)
                + 1);

        // the designed spread holds through the real checks, exceptions-reviewed among them
        ReleaseReadiness withSpecs = ReleaseTestSupport.readiness(SyntheticPlant.specifications(),
                ReleaseReadiness.DEFAULT_LIMITS);
        List<DesignedBatch> designed = plant.releaseSpread();
        Map<String, ReleaseReadiness.Evaluation> evaluated = withSpecs.evaluate(designed.stream()
                .map(DesignedBatch::batchKey).toList(), asOf);
        List<String> wrong = new java.util.ArrayList<>();
        for (DesignedBatch d : designed) {
            Readiness r = evaluated.get(d.batchKey()).readiness();
            ReadinessCheck reviewed = r.checks().stream().filter(c -> c.name().equals("exceptions-reviewed"))
                    .findFirst().orElseThrow();
            if (!r.verdict().name().equals(d.releaseCase().verdict())) {
                wrong.add(d.batchKey() + " (" + d.releaseCase() + "): " + r.verdict() + " " + r.checks());
            }
            if (d.releaseCase() == ReleaseCase.READY && reviewed.status() != CheckStatus.PASS) {
                wrong.add(d.batchKey() + " READY: " + reviewed);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
