package org.batchledger.synthplant;

import java.util.Locale;

/**
 * How big a plant to generate: {@code orders} production orders of {@value #BATCHES_PER_ORDER} stage batches each,
 * dealt over {@code lines} parallel production lines (each with its own equipment train).
 *
 * <p>Size planning: a plant has about {@link #NODES_PER_BATCH} nodes and {@link #RELATIONSHIPS_PER_BATCH}
 * relationships per batch (measured with {@link PlantStats}, seed 42: 8.44 / 12.68 for DEMO, where the fixed master
 * data still weighs, 8.09 / 12.48 for LARGE). Relationships bind first: 4 M relationships need about 321,000
 * batches, which brings 2.6 M nodes. {@link #LARGE} (340,000 batches: 2.75 M nodes, 4.24 M relationships,
 * 4.6 M records, about 5 s to generate on one core) clears both with a margin.
 */
public record PlantSize(String name, int orders, int lines) {
    public static final int BATCHES_PER_ORDER = 8;
    public static final double NODES_PER_BATCH = 8.1;
    public static final double RELATIONSHIPS_PER_BATCH = 12.48;
    /** Orders one line runs at most (one a day); beyond that {@link #ofBatches} adds lines. */
    static final int ORDERS_PER_LINE = 500;

    /** Unit tests: two orders, 16 batches. */
    public static final PlantSize TINY = new PlantSize("TINY", 2, 1);
    /** The demo's plant: 48 orders on two lines over 24 days, 384 batches. */
    public static final PlantSize DEMO = new PlantSize("DEMO", 48, 2);
    /** The benchmark plant: over 1 M nodes and 4 M relationships. */
    public static final PlantSize LARGE = ofBatches(340_000).named("LARGE");

    public PlantSize {
        if (orders < 1 || lines < 1 || lines > orders) {
            throw new IllegalArgumentException("need 1 ≤ lines ≤ orders, got " + lines + " lines, " + orders
                    + " orders");
        }
    }

    /** At least {@code batches} batches (rounded up to whole orders), with lines added as the plant grows. */
    public static PlantSize ofBatches(int batches) {
        int orders = Math.max(1, (batches + BATCHES_PER_ORDER - 1) / BATCHES_PER_ORDER);
        int lines = (orders + ORDERS_PER_LINE - 1) / ORDERS_PER_LINE;
        return new PlantSize("batches-" + orders * BATCHES_PER_ORDER, orders, lines);
    }

    /** {@code TINY}, {@code DEMO}, {@code LARGE} or a number of batches. */
    public static PlantSize parse(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "TINY" -> TINY;
            case "DEMO" -> DEMO;
            case "LARGE" -> LARGE;
            default -> ofBatches(Integer.parseInt(text.replace("_", "")));
        };
    }

    public int batches() {
        return orders * BATCHES_PER_ORDER;
    }

    public long estimatedNodes() {
        return Math.round(batches() * NODES_PER_BATCH);
    }

    public long estimatedRelationships() {
        return Math.round(batches() * RELATIONSHIPS_PER_BATCH);
    }

    PlantSize named(String newName) {
        return new PlantSize(newName, orders, lines);
    }
}
