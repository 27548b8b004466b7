package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.batchledger.hub.HubProperties;
import org.batchledger.ingest.Adapters;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.RecordSink;
import org.batchledger.ingest.b2mml.GeneratedB2mml;
import org.batchledger.ingest.lims.LimsCsvGenerator;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.FileIngestReceipt;
import org.batchledger.lineage.write.FileIngestRequest;
import org.batchledger.lineage.write.ChunkedIngest;
import org.batchledger.lineage.write.FileIngests;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.SourceFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9's performance paragraph: a generated B2MML file and a generated LIMS CSV, half the records each, ingested
 * end to end through {@link IngestPipeline} (spool and hash, adapter chosen by content, parse, checks, blob store,
 * the file written in chunks under the ingest lease and published at once, report: the path of
 * {@code POST /api/ingest} without HTTP) into one fresh store, and the same records, parsed beforehand and
 * untimed, written through the unit of work in the same chunks ({@link ChunkedIngest}, nodes first) into a second
 * fresh store. Also prints the largest transaction memory Neo4j estimated ({@code SHOW TRANSACTIONS}, polled) during
 * each lane and during the unit-of-work lane's publish transactions (which only move the ledger head). Prints
 * records/s of both, their RATIO, the peak heap used after any GC and the live heap ({@link LiveHeap}) of each lane,
 * for two file sizes (a quarter and all of {@code -Dbench.records}, default 1,000,000 in total), so that the heap
 * can be compared across file sizes. Neo4j runs embedded in this JVM, so both heap figures hold the database's
 * share too.
 *
 * <p>A file may hold at most {@code batchledger.ingest.max-records} (5,000,000 by default); the benchmark raises
 * that limit to the largest file it writes, as an operator loading such files would.
 *
 * <p>Run: {@code mvn -o -B -pl hub -am test -Dgroups=benchmark -DexcludedGroups=none -Dtest=IngestBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.skip=true -Dvalidation.gate=report [-Dbench.records=N]}.
 */
@Tag("benchmark")
@Tag("REQ-PERF-011")
public final class IngestBenchmark {
    private static final Actor ACTOR = Actor.system("benchmark");

    @Test
    void endToEndFromFilesAgainstTheUnitOfWork() throws Exception {
        long total = Long.getLong("bench.records", 1_000_000L);
        Path dir = Files.createTempDirectory("ingest-bench-");
        System.out.printf("IngestBenchmark: %d records in total, nproc %d, JDK %s, max heap %d MB, load %.2f%n",
                total, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, load());
        List<String> rows = new ArrayList<>();
        try (HeapAfterGc heap = new HeapAfterGc()) {
            for (long size : new long[] {total / 4, total}) {
                List<String> r = round(dir.resolve("n" + size), size, heap);
                r.forEach(System.out::println); // each round's rows at once, in case a larger round fails
                rows.addAll(r);
            }
        }
        System.out.println();
        System.out.println(HEADER);
        rows.forEach(System.out::println);
    }

    /** The table header of {@link #round(long)}'s rows. */
    public static final String HEADER = "| records in total | files (bytes) | lane | records | seconds | records/s | "
            + "peak heap after GC | live heap (full GC every " + LiveHeap.EVERY_SECONDS + " s) | peak transaction memory "
            + "| load |\n|---|---|---|---|---|---|---|---|---|---|";

    /** One round of both lanes at {@code size} records in a temp dir deleted afterwards (for the benchmark suite). */
    public static List<String> round(long size) throws Exception {
        Path dir = Files.createTempDirectory("ingest-bench-");
        try (HeapAfterGc heap = new HeapAfterGc()) {
            return round(dir.resolve("n" + size), size, heap);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static List<String> round(Path dir, long size, HeapAfterGc heap) throws Exception {
        Files.createDirectories(dir);
        Path xml = dir.resolve("performance-" + size + ".xml");
        Path csv = dir.resolve("lims-" + size + ".csv");
        GeneratedB2mml.write(xml, size / 2);
        long csvRows = size - GeneratedB2mml.recordsFor(size / 2);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            LimsCsvGenerator.write(w, csvRows, 7L);
        }
        String files = "B2MML %,d + CSV %,d".formatted(Files.size(xml), Files.size(csv));
        List<Path> inputs = List.of(xml, csv);

        // lane 1: end to end through the pipeline, from the files
        heap.reset();
        Lane pipeline;
        List<Instant> receivedAt = new ArrayList<>();
        long batches = (GeneratedB2mml.recordsFor(size / 2) + 500) / 501;
        long lots = csvRows / 4 / 50 + 1;
        try (Store store = new Store(dir.resolve("store-pipeline"), batches, lots)) {
            int maxRecords = (int) Math.max(5_000_000, size);
            var settings = new IngestSettings(null, maxRecords, null, null, CHUNK);
            var hub = new HubProperties(dir.resolve("hub"), null, null, null);
            var p = new IngestPipeline(settings, hub, Adapters.installed(), store.unitOfWork,
                    JsonMapper.builder().build(), store.db);
            System.gc();
            heap.reset();
            store.txMemory.reset();
            double load0 = load();
            long records = 0;
            List<IngestReport> reports = new ArrayList<>();
            long nanos;
            LiveHeap live;
            try (LiveHeap sampler = new LiveHeap()) {
                long t0 = System.nanoTime();
                for (Path f : inputs) {
                    try (InputStream in = Files.newInputStream(f)) {
                        IngestReport r = p.ingest(new Upload(in, f.getFileName().toString(), null, null, null, false,
                                ACTOR, "http"));
                        assertThat(r.status()).as("%s: %s", f, r.errors().stream().limit(3).toList())
                                .isEqualTo(IngestReport.Status.INGESTED);
                        records += r.records();
                        reports.add(r);
                    }
                }
                nanos = System.nanoTime() - t0;
                live = sampler;
            }
            pipeline = new Lane("end to end (pipeline, from the files)", records, nanos - live.pauseNanos(),
                    heap.peakMb(), live.summary(), load0, load(), store.txMemory.peakMb(), -1);
            for (IngestReport r : reports) {
                receivedAt.add(r.receivedAt());
                System.out.printf("  %s: %s, %d records, timings %s, %.0f records/s, %d warnings%n", r.fileName(),
                        r.adapter(), r.records(), r.timings(), r.recordsPerSecond(), r.warnings().size());
            }
        }

        // lane 2: the same records (parsed now, untimed) through the unit of work into a second fresh store
        Lane unitOfWork;
        try (Store store = new Store(dir.resolve("store-unit-of-work"), batches, lots)) {
            long records = 0;
            long nanos = 0;
            double load0 = load();
            long peak = 0;
            long txPeak = 0;
            long publishPeak = 0;
            LiveHeap.Peak livePeak = LiveHeap.Peak.NONE;
            long pauses = 0;
            for (int i = 0; i < inputs.size(); i++) {
                FileIngestRequest request = parsed(inputs.get(i), receivedAt.get(i));
                System.gc();
                heap.reset();
                store.txMemory.reset();
                long t0 = System.nanoTime();
                FileIngestReceipt receipt;
                try (LiveHeap sampler = new LiveHeap(); ChunkedIngest ingest = ChunkedIngest.begin(store.unitOfWork, new FileIngestRequest.Header(
                        request.sourceFile().key(), request.sourceFile().fileName(), request.actor(), request.reason(),
                        false), "bench")) {
                    List<LedgerRecord> all = new ArrayList<>(request.records().size() + 1);
                    all.add(request.sourceFile());
                    request.records().stream().filter(r -> !r.type().isRelationship()).forEach(all::add);
                    request.records().stream().filter(r -> r.type().isRelationship()).forEach(all::add);
                    for (int from = 0; from < all.size(); from += CHUNK) {
                        ingest.write(all.subList(from, Math.min(all.size(), from + CHUNK)));
                    }
                    txPeak = Math.max(txPeak, store.txMemory.peakMb());
                    store.txMemory.reset();
                    long p0 = System.nanoTime();
                    receipt = ingest.publish();
                    System.out.printf("  publish (and its bounded tidy) of %,d records: %.1f s, transaction memory at most %,d MB%n",
                            receipt.lastSeq() - receipt.firstSeq() + 1, (System.nanoTime() - p0) / 1e9,
                            store.txMemory.peakMb());
                    publishPeak = Math.max(publishPeak, store.txMemory.peakMb());
                    livePeak = livePeak.max(sampler);
                    pauses += sampler.pauseNanos();
                }
                nanos += System.nanoTime() - t0;
                peak = Math.max(peak, heap.peakMb());
                records += receipt.lastSeq() - receipt.firstSeq() + 1;
            }
            unitOfWork = new Lane("unit of work (ChunkedIngest, records parsed beforehand)", records, nanos - pauses,
                    peak, livePeak.summary(), load0, load(), Math.max(txPeak, publishPeak), publishPeak);
        }
        double ratio = pipeline.perSecond() / unitOfWork.perSecond();
        System.out.printf("RATIO end to end / unit of work (%,d records in total) = %.2f (target >= 0.8)%n", size, ratio);
        Files.deleteIfExists(xml);
        Files.deleteIfExists(csv);
        return List.of(pipeline.row(size, files), unitOfWork.row(size, files),
                "| %,d | | RATIO | | | **%.2f** | | | | |".formatted(size, ratio));
    }

    /** The file parsed as the pipeline would (same source id, namespace, actor, received-at), into a request. */
    private static FileIngestRequest parsed(Path f, Instant receivedAt) throws IOException {
        String sha;
        try (InputStream in = Files.newInputStream(f)) {
            sha = Sha256.hex(in);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(ContentSample.SIZE);
        }
        IngestAdapter adapter = Adapters.installed().choose(null, new ContentSample(head));
        List<LedgerRecord> records = new ArrayList<>();
        String name = f.getFileName().toString();
        adapter.parse(new IngestSource(f, name, Files.size(f), sha), new IngestContext("file:sha256:" + sha, "site",
                ACTOR.subject(), receivedAt, null, false), new RecordSink() {
                    @Override
                    public void record(LedgerRecord record) {
                        records.add(record);
                    }

                    @Override
                    public void warning(IngestFinding warning) {
                    }
                });
        SourceFile sourceFile = new SourceFile("sha256:" + sha, name, null, Files.size(f), adapter.name(),
                new Provenance("ingest:http", null, ACTOR.subject(), receivedAt, receivedAt));
        return new FileIngestRequest(sourceFile, records, ACTOR, "ingest " + name + " (" + adapter.name() + ")", false);
    }

    /** Records per chunk transaction in both lanes. */
    private static final int CHUNK = Integer.getInteger("bench.chunk", 10_000);

    /** One lane's figures; {@code nanos} without the pauses of {@link LiveHeap}'s forced collections. */
    private record Lane(String name, long records, long nanos, long peakHeapMb, String liveHeap, double load0,
                        double load1, long txMemoryMb, long publishMemoryMb) {
        double perSecond() {
            return records * 1e9 / nanos;
        }

        String row(long size, String files) {
            return "| %,d | %s | %s | %,d | %.1f | **%,.0f** | %,d MB | %s | %s | %.2f → %.2f |".formatted(size, files,
                    name, records, nanos / 1e9, perSecond(), peakHeapMb, liveHeap, txMemoryMb + " MB"
                            + (publishMemoryMb < 0 ? "" : " (publish " + publishMemoryMb + " MB)"), load0, load1);
        }
    }

    /**
     * A fresh embedded Neo4j with the migrations applied, the unit of work over it, and the master data the
     * generated files name (materials, equipment, the lots the B2MML segments consume and produce, the CSV's lots),
     * written untimed through the unit of work: a real plant has them before its MES exports arrive.
     */
    private static final class Store implements AutoCloseable {
        final EmbeddedNeo4j neo4j;
        final Driver driver;
        final GraphDatabase db;
        final FileIngests ingests;
        final LedgeredWrite unitOfWork;
        final TransactionMemory txMemory;

        Store(Path dir, long batches, long csvLots) {
            neo4j = EmbeddedNeo4j.start(dir, 0);
            driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
            db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            unitOfWork = new LedgeredWrite(db, new LedgerAppender(Clock.systemUTC()));
            ingests = new FileIngests(unitOfWork);
            txMemory = new TransactionMemory(driver);
            long t0 = System.nanoTime();
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            Provenance p = new Provenance("bench:master-data", null, ACTOR.subject(), at, at);
            List<LedgerRecord> master = new ArrayList<>();
            master.add(new Material("site:MAT-C", "consumed", Material.MaterialKind.RAW_MATERIAL, "kg", p));
            master.add(new Material("site:MAT-P", "produced", Material.MaterialKind.INTERMEDIATE, "kg", p));
            for (int e = 0; e < 40; e++) {
                master.add(new Equipment("site:EQ-" + e, "EQ-" + e, "vessel", null, p));
            }
            for (int s = 0; s < 100; s++) {
                master.add(lot("site:RM-LOT-" + s, "site:MAT-C", p));
            }
            for (int x = 0; x < 50; x++) {
                master.add(lot("site:EXC-LOT-" + x, "site:MAT-C", p));
            }
            for (long l = 0; l < csvLots; l++) {
                master.add(lot("site:LOT-" + l, "site:MAT-P", p));
            }
            int chunk = 0;
            for (long b = 0; b < batches; b++) {
                for (int s = 0; s < 100; s++) {
                    master.add(lot("site:GL-" + b + "-" + s, "site:MAT-P", p));
                }
                if (master.size() >= 20_000) {
                    seed(master, chunk++, p);
                }
            }
            seed(master, chunk, p);
            System.out.printf("  master data in %s: %.1f s (untimed)%n", dir.getFileName(), (System.nanoTime() - t0) / 1e9);
        }

        private static Lot lot(String key, String material, Provenance p) {
            return new Lot(key, material, Lot.LotStatus.IN_STOCK, 100.0, "kg", null, null, null, p);
        }

        private void seed(List<LedgerRecord> records, int chunk, Provenance p) {
            if (records.isEmpty()) {
                return;
            }
            SourceFile f = new SourceFile("sha256:master-data-" + chunk, "master-data-" + chunk, null, 0, "benchmark", p);
            ingests.ingest(new FileIngestRequest(f, records, ACTOR, "benchmark master data", false));
            records.clear();
        }

        @Override
        public void close() {
            txMemory.close();
            driver.close();
            neo4j.close();
        }
    }

    /**
     * The largest heap Neo4j estimates any open transaction uses ({@code SHOW TRANSACTIONS}, column
     * {@code estimatedUsedHeapMemory}), polled every 50 ms from a thread of its own; its maximum since {@link #reset}.
     */
    private static final class TransactionMemory implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread poller;
        private volatile boolean running = true;

        TransactionMemory(Driver driver) {
            poller = Thread.ofPlatform().daemon().name("tx-memory").start(() -> {
                while (running) {
                    try (var session = driver.session()) {
                        session.run("SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory RETURN max(estimatedUsedHeapMemory)"
                                + " AS m").list().forEach(r -> {
                                    if (!r.get("m").isNull()) {
                                        peak.accumulateAndGet(r.get("m").asLong(), Math::max);
                                    }
                                });
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // the store is closing
                    }
                }
            });
        }

        void reset() {
            peak.set(0);
        }

        long peakMb() {
            return peak.get() >> 20;
        }

        @Override
        public void close() {
            running = false;
            poller.interrupt();
        }
    }

    /**
     * The live heap: every {@link #EVERY_SECONDS} s a thread of its own forces a full collection and reads the heap
     * used right after it, the maximum of those samples. "Peak heap after GC" alone cannot show a flat heap: after a
     * young collection the old generation still holds whatever garbage it has not collected yet, so that figure
     * grows with the run's length. The forced collections stop the world; their time is kept so that the lanes'
     * rates leave it out.
     */
    static final class LiveHeap implements AutoCloseable {
        static final int EVERY_SECONDS = Integer.getInteger("bench.live-heap-seconds", 15);
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong pauses = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final Thread sampler;

        LiveHeap() {
            sampler = Thread.ofPlatform().daemon().name("live-heap").start(() -> {
                try {
                    while (true) {
                        Thread.sleep(EVERY_SECONDS * 1000L);
                        long t0 = System.nanoTime();
                        System.gc();
                        pauses.addAndGet(System.nanoTime() - t0);
                        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                                Math::max);
                        samples.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    // the lane ended
                }
            });
        }

        long pauseNanos() {
            return pauses.get();
        }

        String summary() {
            return new Peak(peak.get() >> 20, samples.get(), pauses.get()).summary();
        }

        /** The largest sample over several samplers (one per file in the unit-of-work lane). */
        record Peak(long mb, long samples, long pauseNanos) {
            static final Peak NONE = new Peak(0, 0, 0);

            Peak max(LiveHeap other) {
                return new Peak(Math.max(mb, other.peak.get() >> 20), samples + other.samples.get(),
                        pauseNanos + other.pauses.get());
            }

            String summary() {
                return samples == 0 ? "no sample (lane shorter than " + EVERY_SECONDS + " s)"
                        : "%,d MB (max of %d; pauses %.1f s, not timed)".formatted(mb, samples, pauseNanos / 1e9);
            }
        }

        @Override
        public void close() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
        }
    }

    /** The heap used right after each collection (all heap pools), its maximum since {@link #reset}. */
    private static final class HeapAfterGc implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (n, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = heapPools(info.getGcInfo().getMemoryUsageAfterGc());
                peak.accumulateAndGet(used, Math::max);
            }
        };

        HeapAfterGc() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) {
                    e.addNotificationListener(listener, null, null);
                    emitters.add(e);
                }
            }
        }

        private static long heapPools(Map<String, MemoryUsage> after) {
            long used = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage u = after.get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && u != null) {
                    used += u.getUsed();
                }
            }
            return used;
        }

        void reset() {
            peak.set(0);
        }

        long peakMb() {
            return peak.get() >> 20;
        }

        @Override
        public void close() throws Exception {
            for (NotificationEmitter e : emitters) {
                e.removeNotificationListener(listener);
            }
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
