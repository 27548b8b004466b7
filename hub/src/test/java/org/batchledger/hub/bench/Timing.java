package org.batchledger.hub.bench;

import java.util.Arrays;
import java.util.function.IntSupplier;

/** Median wall times after warm-up; a single measurement also checks that every run gives the same result. */
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

    /** Two ways of doing the same work, warmed up and then timed alternately, so drift hits both alike. */
    static Result[] interleaved(int warmups, int runs, IntSupplier first, IntSupplier second) {
        for (int i = 0; i < warmups; i++) {
            first.getAsInt();
            second.getAsInt();
        }
        double[][] ms = new double[2][runs];
        int[] values = new int[2];
        IntSupplier[] work = {first, second};
        for (int i = 0; i < runs; i++) {
            for (int w = 0; w < 2; w++) {
                long t0 = System.nanoTime();
                values[w] = work[w].getAsInt();
                ms[w][i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms[0]);
        Arrays.sort(ms[1]);
        return new Result[] {new Result(ms[0][runs / 2], values[0]), new Result(ms[1][runs / 2], values[1])};
    }
}
