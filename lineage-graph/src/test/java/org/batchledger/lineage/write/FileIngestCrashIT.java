package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed in the middle of a file's write (its records all written inside the transaction, nothing
 * committed) leaves nothing visible and nothing ledgered; the next file is written after it as if it never began,
 * and the ledger verifies.
 */
@Tag("REQ-INGEST-300")
class FileIngestCrashIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final int LOTS = 5_000;
    @TempDir
    Path keys;

    @Test
    void aProcessKilledMidFileLeavesNothingVisibleAndNothingLedgered() throws Exception {
        NEO4J.clean();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowFileIngest.class.getName(), NEO4J.uri().toString(),
                Integer.toString(LOTS)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("WRITTEN"));
            assertThat(line).as("the child wrote the file's records inside its transaction").startsWith("WRITTEN");
            assertThat(count("MATCH (l:Lot) RETURN count(l) AS n")).as("uncommitted: invisible").isZero();
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(count("MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS n")).isZero();
        FileIngests ingests = new FileIngests(new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC())));
        FileIngestReceipt next = ingests.ingest(SlowFileIngest.request(3));
        assertThat(next.firstSeq()).as("the killed write left no entry").isEqualTo(1);
        assertThat(count("MATCH (l:Lot) RETURN count(l) AS n")).isEqualTo(3);
        LedgerReport report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    private static long count(String cypher) {
        return NEO4J.db().read(tx -> tx.run(cypher, Map.of()).single().get("n").asLong());
    }
}
