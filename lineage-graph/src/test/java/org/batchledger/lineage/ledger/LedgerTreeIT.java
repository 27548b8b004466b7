package org.batchledger.lineage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchledger.lineage.ledger.audit.ConsistencyProof;
import org.batchledger.lineage.ledger.audit.InclusionProof;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.StoredCheckpoint;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.ledger.proof.MerkleProofs;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.lineage.ledger.proof.StandaloneVerifier;
import org.batchledger.lineage.ledger.proof.SubtreeHashes;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/** The Merkle tree kept with the chain: same root as an in-memory tree, proofs that verify, one tree under load. */
@Tag("REQ-LEDGER-002")
@Tag("REQ-LEDGER-013")
@Tag("REQ-LEDGER-017")
@Tag("REQ-LEDGER-018")
@Tag("REQ-EVIDENCE-001")
class LedgerTreeIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final RecordWriter writer = NEO4J.writer();
    private final LedgerProofs proofs = new LedgerProofs(NEO4J.db());
    @TempDir
    Path keys;

    @BeforeEach
    void emptyLedger() {
        NEO4J.clean();
    }

    @Test
    void storedTreeHasTheRootOfAnInMemoryTreeOverTheEntriesAndEveryProofVerifies() {
        for (int i = 0; i < 5; i++) {
            writer.write(WriteRequest.of(SmallPlant.step("-" + i), SmallPlant.OPERATOR, "load"));
        }
        SubtreeHashes memory = SubtreeHashes.ofLeafHashes(leaves());
        LedgerHead head = NEO4J.db().read(LedgerHead::read);
        assertThat(head.treeSize()).isEqualTo(35);
        assertThat(head.root()).isEqualTo(hex(MerkleProofs.root(35, memory)));
        for (long size = 1; size <= 35; size += 5) {
            for (long seq = 1; seq <= size; seq++) {
                InclusionProof p = proofs.inclusion(seq, size);
                assertThat(ProofVerifier.verifyInclusion(seq - 1, size, bytes(p.leafHash()), bytes(p.hashes()),
                        MerkleProofs.root(size, memory)).ok()).as("entry %d in size %d", seq, size).isTrue();
            }
            ConsistencyProof c = proofs.consistency(size, 35L);
            assertThat(ProofVerifier.verifyConsistency(size, 35, bytes(c.fromRoot()), bytes(head.root()),
                    bytes(c.hashes())).ok()).isTrue();
        }
    }

    @Test
    void proofAndCheckpointFromTheStoreVerifyWithTheStandaloneVerifier() throws Exception {
        writer.write(WriteRequest.of(SmallPlant.step("-a"), SmallPlant.OPERATOR, "load"));
        writer.write(WriteRequest.of(SmallPlant.step("-b"), SmallPlant.OPERATOR, "load"));
        Checkpoints checkpoints = SmallPlant.checkpoints(NEO4J.db(), keys);
        StoredCheckpoint checkpoint = checkpoints.latest();
        InclusionProof p = proofs.inclusion(9, checkpoint.treeSize());
        Path note = Files.writeString(keys.resolve("checkpoint.note"), checkpoint.note());

        assertThat(standalone("checkpoint", "--note", note.toString(), "--vkey", checkpoint.verifierKey())).isZero();
        assertThat(standalone("inclusion", "--index", "8", "--size", "14", "--root", checkpoint.rootHash(),
                "--leaf-hash", p.leafHash(), "--proof", String.join(",", p.hashes()))).isZero();
        assertThat(standalone("inclusion", "--index", "7", "--size", "14", "--root", checkpoint.rootHash(),
                "--leaf-hash", p.leafHash(), "--proof", String.join(",", p.hashes())))
                .as("the same proof for another position").isEqualTo(1);
    }

    @Test
    void proofArgumentsOutsideTheLedgerNameTheArgument() {
        writer.write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "load"));

        assertThatThrownBy(() -> proofs.inclusion(8, 7L)).hasMessageContaining("argument 'seq'");
        assertThatThrownBy(() -> proofs.inclusion(0, null)).hasMessageContaining("argument 'seq'");
        assertThatThrownBy(() -> proofs.inclusion(1, 8L)).hasMessageContaining("argument 'treeSize'");
        assertThatThrownBy(() -> proofs.consistency(5, 3L)).hasMessageContaining("argument 'from'");
        assertThatThrownBy(() -> proofs.consistency(-1, 3L)).hasMessageContaining("argument 'from'");
        assertThatThrownBy(() -> proofs.consistency(1, 9L)).hasMessageContaining("argument 'to'");
    }

    @Test
    void concurrentWritersFromManyThreadsKeepOneTreeThatVerifies() throws Exception {
        runConcurrently(List.of(writer), 16);

        assertThat(verifier().verify(null).ok()).isTrue();
        assertThat(NEO4J.db().read(LedgerHead::read).treeSize()).isEqualTo(16 * 7);
    }

    @Test
    void twoIndependentDriversStandingInForTwoHubsProduceOneChainAndTree() throws Exception {
        try (Driver second = org.neo4j.driver.GraphDatabase.driver(NEO4J.uri(), AuthTokens.none())) {
            RecordWriter other = new RecordWriter(new GraphDatabase(second, "neo4j"),
                    new LedgerAppender(java.time.Clock.systemUTC()));
            runConcurrently(List.of(writer, other), 12);
        }

        var report = verifier().verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.entriesChecked()).isEqualTo(12 * 7);
    }

    @Test
    void retriedWriteAppendsNoEntriesAndNoTileHashes() {
        WriteRequest request = WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "load");
        writer.write(request);
        long nodes = merkleNodes();
        writer.write(request);

        assertThat(merkleNodes()).isEqualTo(nodes);
        assertThat(NEO4J.db().read(LedgerHead::read).treeSize()).isEqualTo(7);
    }

    private void runConcurrently(List<RecordWriter> writers, int writes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            RecordWriter w = writers.get(i % writers.size());
            String suffix = "-" + i;
            futures.add(pool.submit(() -> w.write(WriteRequest.of(SmallPlant.step(suffix), SmallPlant.OPERATOR, "x"))));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private LedgerVerifier verifier() {
        return new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()));
    }

    private static List<byte[]> leaves() {
        return NEO4J.db().read(tx -> LedgerBundles.page(tx, 0, Long.MAX_VALUE - 1, 100_000)).stream()
                .map(e -> MerkleHash.leaf(e.canonicalBytes())).toList();
    }

    private static long merkleNodes() {
        return NEO4J.db().read(tx -> tx.run("MATCH (t:LedgerTile) RETURN sum(t.width) AS n", Map.of())
                .single().get("n").asLong());
    }

    private static int standalone(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return StandaloneVerifier.run(args, sink, sink);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static List<byte[]> bytes(List<String> hex) {
        return hex.stream().map(LedgerTreeIT::bytes).toList();
    }
}
