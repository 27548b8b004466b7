package org.batchledger.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;

/**
 * REQ-PERF-008, Performance: full verification — every entry re-derived and chained, the Merkle
 * root rebuilt, every record node's content hash checked against its entry, every stored checkpoint checked with
 * the hub's key — of the benchmark plant's ledger (millions of entries), from the store. Run twice: cold, then warm.
 */
@Tag("benchmark")
@Tag("REQ-PERF-008")
class LedgerVerificationBenchmark {
    @Test
    void fullVerificationOfTheBenchmarkPlantsLedger() throws Exception {
        BenchPlant.ensureLoaded(TraceBenchmark.DIR, TraceBenchmark.SIZE);
        BenchPlant.migrate(TraceBenchmark.DIR);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(TraceBenchmark.DIR.resolve("neo4j"), 0);
             var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            StringBuilder text = new StringBuilder("| run | entries | canonical MB | records | checkpoints | seconds "
                    + "| entries/s | MB/s | chain and tree: seconds, MB/s | ok |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (Run r : coldThenWarm(new GraphDatabase(driver, "neo4j"), TraceBenchmark.DIR.resolve("hub"))) {
                text.append("| %s | %,d | %,.0f | %,d | %d | %.1f | %,.0f | %.1f | %.1f s, %.1f | %s |%n".formatted(
                        r.run(), r.report().entriesChecked(), r.report().canonicalBytes() / 1e6,
                        r.report().recordsChecked(), r.report().checkpointsChecked(), r.seconds(),
                        r.report().entriesChecked() / r.seconds(), r.mbPerSecond(), r.report().chainMillis() / 1e3,
                        r.chainMbPerSecond(), r.report().ok()));
            }
            text.append("\nload average %s%n".formatted(Files.readString(Path.of("/proc/loadavg")).strip()));
            System.out.println(text);
            Files.writeString(Path.of("target/verification-bench.md"), text);
        }
    }

    record Run(String run, LedgerReport report, double seconds, String loadBefore, String loadAfter) {
        double mbPerSecond() {
            return report.canonicalBytes() / 1e6 / seconds;
        }

        /** The chain-and-tree phase alone: the rate the ≥ 200 MB/s target is about. */
        double chainMbPerSecond() {
            return report.canonicalBytes() / 1e6 / (report.chainMillis() / 1e3);
        }
    }

    /** Full verification twice, cold then warm, with the hub's key from {@code hubDir/keys}; every report must be clean. */
    static List<Run> coldThenWarm(GraphDatabase db, Path hubDir) {
        var key = HubKeys.loadOrCreate(hubDir.resolve("keys"), "batchledger.hub/ledger");
        var verifier = new LedgerVerifier(db, NoteVerifier.of(key.verifierKey()));
        List<Run> runs = new ArrayList<>();
        for (String run : new String[] {"cold", "warm"}) {
            String before = Measure.load();
            long t0 = System.nanoTime();
            LedgerReport report = verifier.verify(null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(report.problems()).as("problems").isEmpty();
            runs.add(new Run(run, report, seconds, before, Measure.load()));
        }
        return runs;
    }
}
