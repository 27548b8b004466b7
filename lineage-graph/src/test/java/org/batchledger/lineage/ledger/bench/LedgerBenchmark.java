package org.batchledger.lineage.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.batchledger.lineage.ledger.StoredEntries;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.proof.MerkleHash;
import org.batchledger.lineage.ledger.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.json.Sha256;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Material;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledger figures for bench/RESULTS.md: append throughput, full verification speed, proof latency from the store.
 * Not run by mvn verify. Run:
 * {@code mvn -o -pl lineage-graph -am test -Dgroups=benchmark -DexcludedGroups=none -Dtest=LedgerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.entries=1000000}. Prints figures; asserts only correctness.
 */
@Tag("benchmark")
class LedgerBenchmark {
    private static final int BATCH = 2_000;
    private final Neo4jTestServer neo4j = Neo4jTestServer.shared();
    @TempDir
    Path keys;

    @Test
    void appendVerifyAndProve() {
        long entries = Long.getLong("bench.entries", 1_000_000L);
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

        cpuOnlyRederivation();
        long t1 = System.nanoTime();
        LedgerReport report = new LedgerVerifier(neo4j.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        double verify = seconds(t1);
        assertThat(report.ok()).as("%s", report.problems()).isTrue();
        print("VERIFY (store, entries + records): %,d entries, %,d records, %.1f MB canonical in %.1f s = "
                        + "%,.0f entries/s, %.1f MB/s", report.entriesChecked(), report.recordsChecked(),
                report.canonicalBytes() / 1e6, verify, report.entriesChecked() / verify,
                report.canonicalBytes() / 1e6 / verify);
        proofLatency(entries);
    }

    // Re-derivation alone (no database): rebuild canonical bytes from stored properties, hash, leaf-hash, one core.
    private void cpuOnlyRederivation() {
        List<Map<String, Object>> page = neo4j.db().read(tx -> tx.run(
                "MATCH (e:LedgerEntry) WHERE e.seq <= 20000 RETURN e ORDER BY e.seq", Map.of())
                .list(r -> r.get("e").asMap()));
        for (int round = 0; round < 8; round++) {
            long bytes = 0;
            long t = System.nanoTime();
            for (Map<String, Object> stored : page) {
                byte[] canonical = StoredEntries.entry(stored).canonicalBytes();
                Sha256.hex(canonical);
                MerkleHash.leaf(canonical);
                bytes += canonical.length;
            }
            double s = seconds(t);
            print("VERIFY (CPU only, round %d): %,d entries, %.1f MB in %.2f s = %,.0f entries/s, %.1f MB/s", round,
                    page.size(), bytes / 1e6, s, page.size() / s, bytes / 1e6 / s);
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
