package org.batchledger.hub.bench;

import java.util.Arrays;
import java.util.function.IntSupplier;

/** Median wall time of a few runs after warm-up; the result of every run is checked to stay the same. */
final class Timing {
    private Timing() {
    }

    record Result(double medianMillis, int value) {
    }

    static Result median(int warmups, int runs, IntSupplier work) {
        int value = -1;
        for (int i = 0; i < warmups; i++) {
            value = work.getAsInt();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            int v = work.getAsInt();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (value >= 0 && v != value) {
                throw new IllegalStateException("result changed between runs: " + value + " vs " + v);
            }
            value = v;
        }
        Arrays.sort(ms);
        return new Result(ms[runs / 2], value);
    }
}
