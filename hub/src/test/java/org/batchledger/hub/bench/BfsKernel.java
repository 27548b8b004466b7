package org.batchledger.hub.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Lane (a), the lower bound, as a JMH benchmark: BFS over the CSR arrays from one start, sampled per call. JMH runs
 * in the suite's JVM ({@code forks(0)}): the graph of a 1 M-node plant is built once by the suite and handed over
 * here, rather than rebuilt in a forked JVM per start; the hub and Neo4j in the same JVM are idle while it runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BfsKernel {
    private static volatile Csr graph;
    private static volatile int start;

    @Benchmark
    public int reach() {
        return graph.reach(start, TraceLanes.HOPS);
    }

    /** Median, p99 (ms) and sample count of one start's BFS; {@code seconds} of warm-up and of measurement. */
    static Measure.Figure measure(Csr csr, int from, double seconds) throws RunnerException {
        graph = csr;
        start = from;
        String load = Measure.load();
        int iterations = 5;
        TimeValue each = TimeValue.milliseconds(Math.max(100, (long) (seconds * 1000 / iterations)));
        RunResult r = new Runner(new OptionsBuilder().include(BfsKernel.class.getName() + ".reach").forks(0)
                .warmupIterations(iterations).warmupTime(each).measurementIterations(iterations)
                .measurementTime(each).shouldFailOnError(true).verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .build()).runSingle();
        var stats = r.getPrimaryResult().getStatistics();
        return new Measure.Figure(Double.NaN, new double[0], stats.getPercentile(50) / 1e6,
                stats.getPercentile(99) / 1e6, stats.getN(), csr.reach(from, TraceLanes.HOPS), load, Measure.load(),
                "JMH SampleTime, %,d samples (warm-up %d × %s, measured %d × %s)".formatted(stats.getN(), iterations,
                        each, iterations, each));
    }
}
