package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.batchledger.lineage.ledger.IngestLease;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;

/**
 * A process killed after some chunks of a large file (its chunks committed staged, the lease on the head) and
 * restarted on the same database directory: recovery at start removes the staged records and the entries, bundles
 * and tiles beyond the head, nothing of the file is visible, the ledger verifies, and the same file then ingests.
 */
@Tag("REQ-INGEST-300")
@Tag("REQ-INGEST-305")
@Tag("REQ-INGEST-307")
class ChunkedIngestCrashIT {
    private static final int LOTS = 2_500;
    @TempDir
    Path home;
    @TempDir
    Path keys;

    @Test
    void aProcessKilledAfterSomeChunksLeavesNothingVisibleAndTheSameFileIngestsAfterTheRestart() throws Exception {
        long published;
        long staged;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ChunkedIngestChild.class.getName(),
                home.resolve("neo4j").toString(), Integer.toString(LOTS)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            published = Long.parseLong(await(out, "PUBLISHED").split(" ")[1]);
            await(out, "CHUNK 1 ");
            staged = Long.parseLong(await(out, "CHUNK 2 ").split(" ")[2]);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(published).isEqualTo(134);
        assertThat(staged).isGreaterThanOrEqualTo(published + 2 * ChunkedIngestChild.CHUNK);

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home.resolve("neo4j"), 0);
             var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            assertThat(count(db, "MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n"))
                    .as("the killed run left staged records").isGreaterThan(0);
            LedgeredWrite unitOfWork = ChunkedIngestChild.unitOfWork(db);

            IngestLease recovered = unitOfWork.recoverAtStart().orElseThrow();

            assertThat(recovered.file()).isEqualTo("big.xml");
            assertThat(recovered.committedSeq()).isEqualTo(published);
            long head = db.read(tx -> LedgerHead.read(tx).seq());
            assertThat(head).isEqualTo(published);
            assertThat(count(db, "MATCH (n) WHERE n.ledgerSeq > $p RETURN count(n) AS n", published)).isZero();
            assertThat(count(db, "MATCH ()-[r]->() WHERE r.ledgerSeq > $p RETURN count(r) AS n", published)).isZero();
            assertThat(count(db, "MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n")).isZero();
            assertThat(count(db, "MATCH (p:PendingReference) WHERE p.staged RETURN count(p) AS n")).isZero();
            assertThat(count(db, "MATCH (b:LedgerBundle) RETURN sum(b.width) AS n")).isEqualTo(published);
            assertThat(count(db, "MATCH (t:LedgerTile {level: 0}) RETURN sum(t.width) AS n")).isEqualTo(published);
            assertThat(count(db, "MATCH (h:LedgerHead) WHERE h.ingestKey IS NOT NULL RETURN count(h) AS n")).isZero();
            assertVerifies(db, published);

            BigFile big = ChunkedIngestChild.big(LOTS);
            try (ChunkedIngest again = ChunkedIngest.begin(unitOfWork, big.header(false), big.digest())) {
                big.chunks(ChunkedIngestChild.CHUNK, false).forEach(again::write);
                FileIngestReceipt receipt = again.publish();
                assertThat(receipt.firstSeq()).isEqualTo(published + 1);
                assertThat(receipt.lastSeq()).isEqualTo(published + 1 + 4L * LOTS);
            }
            assertVerifies(db, published + 1 + 4L * LOTS);
        }
    }

    private static String await(BufferedReader out, String prefix) throws java.io.IOException {
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.startsWith(prefix));
        assertThat(line).as("the child printed " + prefix).isNotNull();
        return line;
    }

    private void assertVerifies(GraphDatabase db, long entries) {
        LedgerReport report = new LedgerVerifier(db, NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.treeSize()).isEqualTo(entries);
    }

    private static long count(GraphDatabase db, String cypher) {
        return count(db, cypher, 0);
    }

    private static long count(GraphDatabase db, String cypher, long p) {
        return db.read(tx -> tx.run(cypher, Map.of("p", p)).single().get("n").asLong());
    }
}
