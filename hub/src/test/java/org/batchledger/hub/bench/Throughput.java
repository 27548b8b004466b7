package org.batchledger.hub.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP load client: {@code clients} threads, each with its own {@link HttpClient} (so its own
 * connection), sending request bodies drawn at random (fixed seed per client) from a prepared mix, for a warm-up and
 * then a measured period. Figures: requests/s, median and p99 latency, errors, the process's CPU (hub, embedded
 * Neo4j and this client share the JVM; the client threads' own CPU is given apart) and heap.
 */
final class Throughput {
    record Result(int clients, double seconds, long requests, long errors, double median, double p99,
                  double processCores, double clientCores, long heapPeakMb, String loadBefore, String loadAfter,
                  String firstError) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private Throughput() {
    }

    static Result run(int port, String token, List<String> bodies, int clients, double warmupSeconds,
                      double seconds) throws InterruptedException {
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long end = warmEnd + (long) (seconds * 1e9);
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] cpu0 = new long[1];
        long[] heapPeak = new long[1];
        String[] loadBefore = new String[1];
        List<Thread> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] own = new long[100_000];
            latencies.add(own);
            int seed = c;
            running.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                Random random = new Random(seed);
                int n = 0;
                long cpuAtWarm = -1;
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    while (System.nanoTime() < end) {
                        boolean counted = System.nanoTime() >= warmEnd;
                        if (counted && cpuAtWarm < 0) {
                            cpuAtWarm = threads.getCurrentThreadCpuTime();
                        }
                        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(random.nextInt(bodies.size()))))
                                .build();
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                        if (counted && n < own.length) {
                            own[n++] = System.nanoTime() - t;
                        }
                    }
                }
                own[own.length - 1] = n;
                clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - Math.max(0, cpuAtWarm));
            }));
        }
        Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
        cpu0[0] = os.getProcessCpuTime();
        loadBefore[0] = Measure.load();
        long t0 = System.nanoTime();
        while (System.nanoTime() < end) {
            heapPeak[0] = Math.max(heapPeak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            Thread.sleep(100);
        }
        for (Thread t : running) {
            t.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cores = (os.getProcessCpuTime() - cpu0[0]) / 1e9 / wall;
        long total = latencies.stream().mapToLong(l -> l[l.length - 1]).sum();
        double[] ms = new double[(int) total];
        int k = 0;
        for (long[] l : latencies) {
            for (int i = 0; i < l[l.length - 1]; i++) {
                ms[k++] = l[i] / 1e6;
            }
        }
        Arrays.sort(ms);
        double median = ms.length == 0 ? Double.NaN : ms[ms.length / 2];
        double p99 = ms.length == 0 ? Double.NaN : ms[(int) Math.ceil(ms.length * 0.99) - 1];
        return new Result(clients, wall, total, errors.get(), median, p99, cores, clientCpu.get() / 1e9 / wall,
                heapPeak[0] >> 20, loadBefore[0], Measure.load(), firstError.get());
    }
}
