package org.batchledger.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-PERF-020: the harness of {@code ./bench.sh} works end to end at the tiny size (a 16-batch plant, a fan of 20,
 * ladders of 1–3 diamonds, three runs per figure). Checks the harness, not timings: every workload's section and
 * table is there, every trace lane agreed with the in-memory BFS on the reached node count (a disagreement is a
 * failure of the run), and the plot was drawn.
 */
@Tag("REQ-PERF-020")
class BenchSuiteSmokeIT {
    @TempDir
    Path dir;

    @Test
    void theTinyRunMeasuresEveryWorkloadAndAllTraceLanesAgree() throws Exception {
        var result = new BenchSuite(BenchSize.parse("tiny"), dir.resolve("data"), dir.resolve("out")).run();

        assertThat(result.failures()).isEmpty();
        String md = result.markdown();
        assertThat(md).contains("Machine: ", "cores", "Genealogy trace side by side", "Scale curve", "Write path and ingest",
                "Ledger: inclusion proofs", "Release: alcoa", "GraphQL throughput", "Every figure");
        assertThat(md).contains("| downstream | median reach |", "| upstream |", "synthetic fan", "| 3 | 8 |");
        assertThat(md).contains("(b)/(d)", "(c)/(b)", "| 16 |", "| 64 |", "write path ÷ plain graph", "RATIO",
                "CPU path, no database");
        assertThat(md).as("lane (a) measured by JMH").contains("JMH SampleTime").doesNotContain("JMH failed");
        assertThat(md).as("the release workload measured per batch awaiting disposition")
                .contains("records ALCOA+ evaluates", "`releaseReadiness` median / p99 ms", "`releaseQueue(first: 100)`");
        if (LocalPostgres.installed()) {
            assertThat(md).contains("PostgreSQL: ", "loaded with COPY").doesNotContain("lanes (d) and (d') skipped");
        }
        assertThat(Files.size(result.plot())).isGreaterThan(1_000);
    }
}
