package org.batchledger.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * One figure: the first (cold for this start) call, then warm-ups, then timed runs until the run count or the time
 * budget is reached (at least three runs), with the machine's load average before and after. A run that the
 * database cuts by its timeout ends the figure as "timed out".
 */
final class Measure {
    private Measure() {
    }

    /** Thrown by a lane whose query the database stopped at its timeout. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super(null, null, false, false);
        }
    }

    /**
     * One figure in ms; {@code ms} the sorted run times where the suite timed them itself (empty for JMH figures and
     * timeouts); {@code value} the result every run gave (the reached node count), -1 if timed out.
     */
    record Figure(double firstMs, double[] ms, double median, double p99, long runs, int value, String loadBefore,
                  String loadAfter, String note) {
        /** From sorted run times: median and the nearest-rank p99 (with fewer than 100 runs, the slowest run). */
        static Figure of(double firstMs, double[] sorted, int value, String loadBefore, String loadAfter, String note) {
            double median = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
            double p99 = sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
            return new Figure(firstMs, sorted, median, p99, sorted.length, value, loadBefore, loadAfter, note);
        }

        boolean timedOut() {
            return value < 0;
        }
    }

    static Figure run(Plan plan, IntSupplier work) {
        return run(plan, 1, work);
    }

    /**
     * {@code repeat} calls per timed run, the run's time divided by it: for sub-microsecond kernels (an in-memory
     * BFS of ten nodes), where one call is near the clock's resolution.
     */
    static Figure run(Plan plan, int repeat, IntSupplier work) {
        String before = load();
        long t0 = System.nanoTime();
        int value;
        try {
            value = work.getAsInt();
        } catch (TimedOut e) {
            return Figure.of(Double.NaN, new double[0], -1, before, load(), "timed out (> %d s)".formatted(
                    plan.timeoutMillis() / 1000));
        }
        double first = (System.nanoTime() - t0) / 1e6;
        long deadline = System.nanoTime() + (long) (plan.budgetSeconds() * 1e9);
        double[] ms = new double[plan.runs()];
        int n = 0;
        try {
            for (int i = 0; i < plan.warmups() && System.nanoTime() < deadline; i++) {
                work.getAsInt();
            }
            while (n < plan.runs() && (n < 3 || System.nanoTime() < deadline)) {
                long t = System.nanoTime();
                int v = 0;
                for (int r = 0; r < repeat; r++) {
                    v = work.getAsInt();
                }
                ms[n++] = (System.nanoTime() - t) / 1e6 / repeat;
                if (v != value) {
                    throw new IllegalStateException("result changed between runs: " + value + " vs " + v);
                }
            }
        } catch (TimedOut e) { // the first call fitted the timeout, a later one did not: as slow as that
            return Figure.of(first, new double[0], -1, before, load(), "timed out (> %d s) after a first call of %.0f ms"
                    .formatted(plan.timeoutMillis() / 1000, first));
        }
        double[] done = Arrays.copyOf(ms, n);
        Arrays.sort(done);
        return Figure.of(first, done, value, before, load(), n < plan.runs() ? "budget: %d of %d runs".formatted(n,
                plan.runs()) : "");
    }

    /** Warm-ups, runs, time budget per figure, and the timeout the databases get for exponential forms. */
    record Plan(int warmups, int runs, double budgetSeconds, int timeoutMillis) {
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
