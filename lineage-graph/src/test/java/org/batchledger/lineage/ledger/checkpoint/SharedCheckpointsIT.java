package org.batchledger.lineage.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hubs on one database (two {@link Checkpoints} with the ledger's one key and a checkpoint log each), signing
 * at once while the ledger grows: one checkpoint per size, each hub's log holds every stored checkpoint once it has
 * adopted the other's, and the ledger verifies against either log.
 */
@Tag("REQ-RELIABILITY-015")
class SharedCheckpointsIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    @TempDir
    Path dir;

    @Test
    void twoHubsSigningAtOnceKeepOneCheckpointPerSizeAndBothLogsVerify() throws Exception {
        NEO4J.clean();
        NoteSigner key = SmallPlant.signer(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        for (String f : List.of("ledger-ed25519-private.pem", "ledger-ed25519-public.pem")) {
            Files.copy(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f));
        }
        List<Checkpoints> hubs = List.of(hub(key, "a"), hub(key, "b"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 6; round++) {
                NEO4J.writer().write(WriteRequest.of(SmallPlant.step("-" + round), SmallPlant.OPERATOR, "record"));
                List<Future<StoredCheckpoint>> signed = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Checkpoints hub = hubs.get(i % 2);
                    signed.add(pool.submit(hub::latest));
                }
                long size = signed.getFirst().get(60, TimeUnit.SECONDS).treeSize();
                for (Future<StoredCheckpoint> f : signed) {
                    assertThat(f.get(60, TimeUnit.SECONDS).treeSize()).as("all at the one head").isEqualTo(size);
                }
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Object> stored = NEO4J.db().read(tx -> tx.run("MATCH (c:Checkpoint) RETURN count(c) AS n, "
                + "count(DISTINCT c.treeSize) AS d", Map.of()).single().asMap());
        assertThat(stored).as("one checkpoint per size").containsEntry("n", 6L).containsEntry("d", 6L);
        for (String hub : List.of("a", "b")) {
            CheckpointLog log = CheckpointLog.beside(dir.resolve(hub));
            Checkpoints own = hubs.get(hub.equals("a") ? 0 : 1);
            LedgerReport report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(key.verifierKey()), log)
                    .adoptingFirst(own::adoptStored).verify(null);
            assertThat(report.problems()).as("hub %s", hub).isEmpty();
            assertThat(report.ok()).isTrue();
            assertThat(KeptCheckpoints.read(log, NoteVerifier.of(key.verifierKey())).checkpoints()).hasSize(6);
        }
    }

    private Checkpoints hub(NoteSigner key, String name) {
        return new Checkpoints(NEO4J.db(), key, CheckpointLog.beside(dir.resolve(name)), Clock.systemUTC());
    }
}
