package org.batchledger.lineage.ledger.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.MerkleStore;
import org.batchledger.lineage.ledger.audit.InclusionProof;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.ledger.proof.MerkleProofs;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.lineage.ledger.proof.SubtreeHashes;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tiled log against an in-memory RFC 9162 tree: appends of any size across tile boundaries give the same root,
 * the same tiles (full ones at 256, the right edge partial and rewritten in place) and bundles, and proofs from the
 * tiles verify. Entries here are short synthetic byte strings appended straight to the tiles (the fast path), so
 * sizes up to the 65,536-leaf boundary of level-2 tiles stay quick.
 */
@Tag("REQ-LEDGER-004")
@Tag("REQ-LEDGER-002")
class TileLogIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final List<byte[]> entries = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();

    @BeforeEach
    void emptyLedger() {
        NEO4J.clean();
    }

    @Test
    void everySizeFromOneToAThousandHasTheRootOfTheInMemoryTree() {
        int[] batches = {1, 1, 3, 250, 1, 1, 255, 256, 1, 2, 200, 29};
        for (int batch : batches) {
            append(batch);
            assertThat(storedRoot()).as("size %d", entries.size()).isEqualTo(memoryRoot(entries.size()));
        }
        for (int size = 1; size <= 1000; size++) {
            long at = size;
            String stored = NEO4J.db().read(tx -> hex(MerkleStore.frontier(tx, at).root()));
            assertThat(stored)
                    .as("tree of size %d from the tiles", size).isEqualTo(memoryRoot(size));
        }
    }

    @Test
    void fullTilesHold256HashesAndTheRightEdgeIsOnePartialTileRewrittenInPlace() {
        append(300);
        append(10);

        assertThat(tiles(0)).containsExactly(List.of(0L, 256L), List.of(1L, 54L));
        assertThat(tiles(1)).containsExactly(List.of(0L, 1L));
        assertThat(count("MATCH (b:LedgerBundle) RETURN count(b) AS n")).isEqualTo(2);
        byte[] tile0 = NEO4J.db().read(tx -> TileStore.tile(tx, 0, 0)).orElseThrow().bytes();
        for (int i = 0; i < 256; i++) {
            assertThat(java.util.Arrays.copyOfRange(tile0, 32 * i, 32 * i + 32)).isEqualTo(leaves.get(i));
        }
        byte[] tile1 = NEO4J.db().read(tx -> TileStore.tile(tx, 1, 0)).orElseThrow().bytes();
        SubtreeHashes memory = SubtreeHashes.ofLeafHashes(leaves);
        assertThat(tile1).isEqualTo(memory.hash(0, 256));
    }

    @Test
    void bundlesHoldTheEntriesLengthPrefixedInOrder() {
        append(258);

        byte[] second = NEO4J.db().read(tx -> TileStore.bundle(tx, 1)).orElseThrow().bytes();
        assertThat(second.length).isEqualTo(2 + entries.get(256).length + 2 + entries.get(257).length);
        assertThat(EntryBundle.entries(second)).containsExactly(entries.get(256), entries.get(257));
        assertThat(second[0]).isZero();
        assertThat(second[1]).isEqualTo((byte) entries.get(256).length);
    }

    @Test
    void theLevelTwoTileAppearsAtTheLeaf65536AndProofsAcrossItVerify() {
        while (entries.size() < 65_536 - 1000) {
            append(8_192 - 17);
        }
        append(65_536 - entries.size() - 1);
        assertThat(tiles(2)).isEmpty();
        append(1);
        assertThat(tiles(2)).containsExactly(List.of(0L, 1L));
        assertThat(tiles(1)).containsExactly(List.of(0L, 256L));
        append(300);
        long size = entries.size();
        assertThat(storedRoot()).isEqualTo(memoryRoot(size));

        NEO4J.db().write(tx -> tx.run("MERGE (h:LedgerHead {id: 'main'}) SET h.seq = $n, h.treeSize = $n",
                Map.of("n", size)).consume());
        LedgerProofs proofs = new LedgerProofs(NEO4J.db());
        for (long seq : new long[] {1, 256, 257, 65_536, 65_537, size}) {
            InclusionProof p = proofs.inclusion(seq, size);
            assertThat(ProofVerifier.verifyInclusion(seq - 1, size, bytes(p.leafHash()),
                    p.hashes().stream().map(TileLogIT::bytes).toList(), bytes(memoryRoot(size))).ok())
                    .as("entry %d", seq).isTrue();
        }
    }

    @Test
    void anEntryLongerThan65535BytesIsRefusedBeforeAnythingIsWritten() {
        append(3);
        List<byte[]> batch = List.of("ok".getBytes(StandardCharsets.UTF_8), new byte[65_536]);

        assertThatThrownBy(() -> NEO4J.db().write(tx -> TileLog.append(tx, 3, batch)))
                .isInstanceOf(EntryTooLongException.class).hasMessageContaining("ledger entry 5")
                .hasMessageContaining("65536 bytes");
        assertThat(tiles(0)).containsExactly(List.of(0L, 3L));
        assertThat(NEO4J.db().write(tx -> TileLog.append(tx, 3, List.of(new byte[65_535]))).result()).hasSize(32);
    }

    private void append(int n) {
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] entry = ("{\"entry\":" + (entries.size() + i) + "}").getBytes(StandardCharsets.UTF_8);
            batch.add(entry);
        }
        long size = entries.size();
        NEO4J.db().write(tx -> TileLog.append(tx, size, batch));
        entries.addAll(batch);
        batch.forEach(e -> leaves.add(MerkleHash.leaf(e)));
    }

    private String storedRoot() {
        long size = entries.size();
        return NEO4J.db().read(tx -> hex(MerkleStore.frontier(tx, size).root()));
    }

    private String memoryRoot(long size) {
        return hex(MerkleProofs.root(size, SubtreeHashes.ofLeafHashes(leaves.subList(0, (int) size))));
    }

    private static List<List<Long>> tiles(int level) {
        return NEO4J.db().read(tx -> tx.run("MATCH (t:LedgerTile {level: $level}) RETURN t.index AS i, t.width AS w "
                + "ORDER BY i", Map.of("level", level)).list(r -> List.of(r.get("i").asLong(), r.get("w").asLong())));
    }

    private static long count(String cypher) {
        return NEO4J.db().read(tx -> tx.run(cypher, Map.of()).single().get("n").asLong());
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
