package org.batchledger.lineage.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.ledger.tile.TileStore.BundleWithLeaves;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.ChainCheckProbe;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Material;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledger figures for bench/RESULTS.md: append throughput, full verification speed, proof latency from the store,
 * and the verification CPU path alone. Not run by mvn verify. Run:
 * {@code mvn -o -pl schema,synthplant,lineage-graph test -Dgroups=benchmark -DexcludedGroups=none -Dtest=LedgerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.entries=1000000}; {@code -Dtest=LedgerBenchmark#cpuPathOnly}
 * for the CPU path without a database ({@code -Dbench.seconds} of rounds, default 20; 10 after the store runs).
 * {@code -Dbench.runs} verifications from the store (default 2: the first is cold). Prints figures, each with the
 * load average; asserts only correctness.
 */
@Tag("benchmark")
@Tag("REQ-PERF-008")
public final class LedgerBenchmark {
    private static final int BATCH = 2_000;
    private Neo4jTestServer neo4j; // started by the store benchmark only
    @TempDir
    Path keys;

    @Test
    void appendVerifyAndProve() {
        long entries = Long.getLong("bench.entries", 1_000_000L);
        neo4j = Neo4jTestServer.shared();
        neo4j.clean();
        RecordWriter writer = neo4j.writer();
        long t0 = System.nanoTime();
        for (long done = 0; done < entries; done += BATCH) {
            writer.write(WriteRequest.of(materials(done, (int) Math.min(BATCH, entries - done)), SmallPlant.OPERATOR,
                    "benchmark load"));
            if (done % 100_000 == 0) {
                print("appended %,d entries after %.1f s", done, seconds(t0));
            }
        }
        double append = seconds(t0);
        print("APPEND: %,d entries in %.1f s = %,.0f entries/s (writes of %d records, each one transaction)",
                entries, append, entries / append, BATCH);

        for (int run = 0; run < Integer.getInteger("bench.runs", 2); run++) {
            verifyFromStore(run, entries);
        }
        // The CPU path over (up to 50,000 of) the stored entries, as the driver hands them over.
        cpuRounds(neo4j.db().read(tx -> TileStore.bundles(tx, 0, Math.min(entries, 50_000) / 256, 1_000)),
                Double.parseDouble(System.getProperty("bench.seconds", "10")));
        proofLatency(entries);
    }

    /**
     * The verification CPU path alone, no database: a chained ledger of Material entries built in memory as the
     * store holds them, checked again and again on one thread (re-encode, SHA-256, chain, leaf hash, root).
     */
    @Test
    void cpuPathOnly() {
        cpuPath(Long.getLong("bench.entries", 50_000L), Double.parseDouble(System.getProperty("bench.seconds", "20")));
    }

    /** The CPU path's warm figures (second half of the rounds), for the benchmark suite ({@code ./bench.sh}). */
    public record CpuFigures(long entries, int warmRounds, double medianMbPerSecond, double bestMbPerSecond,
                             double medianCpuMbPerSecond, String loadBefore, String loadAfter) {
    }

    /** Rounds of the CPU path (no database) over {@code entries} generated entries for {@code seconds}. */
    public static CpuFigures cpuPath(long entries, double seconds) {
        List<byte[]> ledger = new ArrayList<>();
        String prev = LedgerEntry.GENESIS_HASH;
        String commit = "";
        for (long seq = 1; seq <= entries; seq++) {
            if (seq % BATCH == 1) {
                commit = UUID.nameUUIDFromBytes(Long.toString(seq).getBytes()).toString();
            }
            LedgerEntry entry = new LedgerEntry(seq, SmallPlant.T0.plusMillis(seq), "CREATE", "Material",
                    "bench:MAT-" + seq, Sha256.hex(Long.toString(seq).getBytes()), null,
                    SmallPlant.OPERATOR.subject(), SmallPlant.OPERATOR.displayName(), SmallPlant.OPERATOR.roles(),
                    SmallPlant.OPERATOR.clientId(), "benchmark load", commit, prev, 1L);
            prev = entry.entryHash();
            ledger.add(entry.canonicalBytes());
        }
        CpuFigures f = cpuRounds(ChainCheckProbe.bundles(ledger), seconds);
        return new CpuFigures(entries, f.warmRounds(), f.medianMbPerSecond(), f.bestMbPerSecond(),
                f.medianCpuMbPerSecond(), f.loadBefore(), f.loadAfter());
    }

    // Full verification (entries, tree, checkpoints, records), then the chain and tree alone, both from the store.
    private void verifyFromStore(int run, long entries) {
        String load = loadAverage();
        long t1 = System.nanoTime();
        LedgerReport report = new LedgerVerifier(neo4j.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        double verify = seconds(t1);
        assertThat(report.ok()).as("%s", report.problems()).isTrue();
        print("VERIFY (store, entries + records, run %d): %,d entries, %,d records, %.1f MB canonical in %.1f s = "
                        + "%,.0f entries/s, %.1f MB/s; load average before %s, after %s", run,
                report.entriesChecked(), report.recordsChecked(), report.canonicalBytes() / 1e6, verify,
                report.entriesChecked() / verify, report.canonicalBytes() / 1e6 / verify, load, loadAverage());
        load = loadAverage();
        long t2 = System.nanoTime();
        ChainCheckProbe.Outcome chain = ChainCheckProbe.store(neo4j.db(), entries);
        double s = seconds(t2);
        assertThat(chain.clean()).isTrue();
        print("VERIFY (store, chain + tree only, run %d): %,d entries, %.1f MB in %.2f s = %,.0f entries/s, "
                + "%.1f MB/s; load average before %s, after %s", run, chain.entries(), chain.bytes() / 1e6, s,
                chain.entries() / s, chain.bytes() / 1e6 / s, load, loadAverage());
    }

    /**
     * Rounds of the CPU path over the same entries for {@code seconds}: one line a second, then the median and best
     * of the second half of the rounds (warm), by wall clock and by the checking thread's own CPU time.
     */
    private static CpuFigures cpuRounds(List<BundleWithLeaves> ledger, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String load = loadAverage();
        List<double[]> rounds = new ArrayList<>();
        long start = System.nanoTime();
        long lastPrint = 0;
        while (seconds(start) < seconds) {
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            ChainCheckProbe.Outcome outcome = ChainCheckProbe.cpu(ledger);
            double wall = seconds(t);
            double onCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            assertThat(outcome.clean()).isTrue();
            rounds.add(new double[] {outcome.bytes() / 1e6 / wall, outcome.bytes() / 1e6 / onCpu});
            if (System.nanoTime() - lastPrint > 1_000_000_000L) {
                lastPrint = System.nanoTime();
                print("VERIFY (CPU only, round %d): %,d entries, %.1f MB (%.0f B/entry) in %.3f s = %,.0f entries/s, "
                                + "%.1f MB/s wall, %.1f MB/s of thread CPU time", rounds.size() - 1, outcome.entries(),
                        outcome.bytes() / 1e6, (double) outcome.bytes() / outcome.entries(), wall,
                        outcome.entries() / wall, outcome.bytes() / 1e6 / wall, outcome.bytes() / 1e6 / onCpu);
            }
        }
        List<double[]> warm = rounds.subList(rounds.size() / 2, rounds.size());
        ChainCheckProbe.Outcome once = ChainCheckProbe.cpu(ledger);
        double bytesPerEntry = (double) once.bytes() / once.entries();
        print("VERIFY (CPU only, warm: rounds %d..%d of %,d entries): median %.1f MB/s wall (best %.1f), median %.1f "
                        + "MB/s of thread CPU time (best %.1f), ≈ %,.0f entries/s; load average before %s, after %s",
                rounds.size() / 2, rounds.size() - 1, ledger.size(), median(warm, 0), best(warm, 0), median(warm, 1),
                best(warm, 1), median(warm, 0) * 1e6 / bytesPerEntry, load, loadAverage());
        return new CpuFigures(ledger.size(), warm.size(), median(warm, 0), best(warm, 0), median(warm, 1), load,
                loadAverage());
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double best(List<double[]> rounds, int column) {
        return rounds.stream().mapToDouble(r -> r[column]).max().orElse(0);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private void proofLatency(long size) {
        LedgerProofs proofs = new LedgerProofs(neo4j.db());
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            proofs.inclusion(1 + random.nextLong(size), size);
        }
        long[] micros = new long[2_000];
        for (int i = 0; i < micros.length; i++) {
            long t = System.nanoTime();
            proofs.inclusion(1 + random.nextLong(size), size);
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        print("PROOF (store, inclusion, tree of %,d): median %.2f ms, p99 %.2f ms over %d proofs", size,
                micros[micros.length / 2] / 1e3, micros[micros.length * 99 / 100] / 1e3, micros.length);
    }

    private static List<LedgerRecord> materials(long from, int n) {
        List<LedgerRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(new Material("bench:MAT-" + (from + i), "Material " + (from + i),
                    Material.MaterialKind.RAW_MATERIAL, "kg", SmallPlant.provenance("row " + (from + i))));
        }
        return records;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[ledger-bench] " + String.format(format, args));
    }
}
