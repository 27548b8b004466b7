package org.batchledger.hub.bench;

import java.util.Locale;
import org.batchledger.synthplant.PlantSize;

/**
 * What {@code ./bench.sh SIZE} generates and how long it measures. Plant sizes from synthplant's ≈ 8 graph nodes and
 * 12.35 relationships per batch (plus one ledger entry per record): small = the demo plant (seconds), medium =
 * 125,000 batches ≈ 1.0 M graph nodes, large = 500,000 batches ≈ 4.2 M graph nodes, 7.0 M relationships and 7.0 M
 * ledger entries (≈ 12 GB of store, a page cache and an 8 GB heap within the 24 GiB machine). {@code tiny} is the
 * harness check of {@code mvn verify}.
 *
 * @param fan         consumers of the synthetic supernode lot (its downstream reach is 2 × fan + 3)
 * @param ladderWidth width of the diamond ladders of the scale curve (width^n paths through n diamonds)
 * @param ladders     ladders of 1 … ladders diamonds
 */
record BenchSize(String name, PlantSize plant, int fan, int ladderWidth, int ladders, Measure.Plan plan,
                 int throughputSeconds, long ingestRecords, int writeBatches, int proofs) {

    static BenchSize parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tiny" -> new BenchSize("tiny", PlantSize.TINY, 20, 2, 3, new Measure.Plan(1, 3, 1, 10_000), 1, 400,
                    80, 20);
            case "small" -> new BenchSize("small", PlantSize.DEMO, 500, 3, 8, new Measure.Plan(5, 21, 3, 10_000), 5,
                    4_000, 600, 200);
            case "medium" -> new BenchSize("medium", PlantSize.ofBatches(125_000), 50_000, 3, 12,
                    new Measure.Plan(30, 101, 20, 10_000), 30, 200_000, 30_000, 2_000);
            case "large" -> new BenchSize("large", PlantSize.ofBatches(500_000), 50_000, 3, 12,
                    new Measure.Plan(30, 101, 20, 10_000), 60, 200_000, 30_000, 2_000);
            default -> throw new IllegalArgumentException("size must be small, medium or large (or tiny), was " + text);
        };
    }
}
