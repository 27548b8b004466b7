package org.batchledger.lineage.genealogy;

import java.time.Duration;

/**
 * Bounds of one trace. {@code maxNodes} counts the start too. When the budget falls inside a hop, the trace keeps
 * every node of the earlier hops and the first nodes of that hop in key order — deterministic, so pages and
 * repeated traces agree.
 */
public record TraceLimits(int maxHops, int maxNodes, Duration timeBudget) {
    public static final int MAX_HOPS = 50;
    public static final int MAX_NODES = 1_000_000;
    public static final int DEFAULT_HOPS = 25;
    public static final int DEFAULT_NODES = 100_000;

    public TraceLimits {
        if (maxHops < 0 || maxHops > MAX_HOPS) {
            throw new IllegalArgumentException("maxHops must be between 0 and " + MAX_HOPS + ", was " + maxHops);
        }
        if (maxNodes < 1 || maxNodes > MAX_NODES) {
            throw new IllegalArgumentException("maxNodes must be between 1 and " + MAX_NODES + ", was " + maxNodes);
        }
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget);
        }
    }

    public static TraceLimits of(int maxHops, int maxNodes) {
        return new TraceLimits(maxHops, maxNodes, Duration.ofSeconds(30));
    }
}
