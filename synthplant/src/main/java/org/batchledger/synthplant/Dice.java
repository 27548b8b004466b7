package org.batchledger.synthplant;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The plant's only source of randomness. {@link Random} is used (not {@code SplittableRandom}) because its
 * algorithm is part of the JDK specification; only its specified methods are called, so a seed gives the same plant
 * on every JDK.
 */
final class Dice {
    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    int upTo(int boundExclusive) {
        return random.nextInt(boundExclusive);
    }

    /** Roughly bell-shaped in [-1, 1]: the mean of three uniforms, rescaled. */
    double bell() {
        return (random.nextDouble() + random.nextDouble() + random.nextDouble()) / 1.5 - 1.0;
    }

    Duration minutes(int low, int high) {
        return Duration.ofMinutes(low + random.nextInt(high - low + 1));
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
