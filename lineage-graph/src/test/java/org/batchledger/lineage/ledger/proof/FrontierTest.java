package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store's path: append with a {@link Frontier}, persist the completed nodes, restart from the stored frontier,
 * and answer proofs from stored nodes alone, reading only the nodes {@link ProofNodes} names.
 */
@Tag("REQ-LEDGER-002")
class FrontierTest {
    static final int SIZE = 300;
    final List<byte[]> entries = IntStream.range(0, SIZE).mapToObj(i -> ("entry " + i).getBytes()).toList();
    final InMemoryTree reference = InMemoryTree.ofEntries(entries);

    @Test
    void everyAppendReturnsTheRootOfTheGrownTree() {
        Frontier frontier = Frontier.empty();
        for (int size = 1; size <= SIZE; size++) {
            Frontier.Appended appended = frontier.append(MerkleHash.leaf(entries.get(size - 1)));
            assertThat(appended.size()).isEqualTo(size);
            assertThat(appended.root()).as("size %d", size).isEqualTo(reference.root(size));
            frontier = appended.frontier();
        }
    }

    @Test
    void completedNodesAreExactlyThePerfectSubtreesEachAppendCloses() {
        Frontier.Appended appended = Frontier.empty().append(MerkleHash.leaf(entries.get(0)));
        appended = appended.frontier().append(MerkleHash.leaf(entries.get(1)));
        appended = appended.frontier().append(MerkleHash.leaf(entries.get(2)));
        appended = appended.frontier().append(MerkleHash.leaf(entries.get(3)));

        assertThat(appended.completed()).extracting(MerkleNode::id)
                .containsExactly(new NodeId(0, 3), new NodeId(1, 1), new NodeId(2, 0));
        assertThat(appended.completed().getLast().hash()).isEqualTo(reference.hash(0, 4));
    }

    @Test
    void restoresFromStoredNodesAndContinuesAppending() {
        Map<NodeId, byte[]> store = appendAll(150);
        List<byte[]> stored = Frontier.nodeIds(150).stream().map(store::get).toList();
        assertThat(Frontier.nodeIds(150)).containsExactly(new NodeId(7, 0), new NodeId(4, 8), new NodeId(2, 36),
                new NodeId(1, 74));

        Frontier.Appended more = Frontier.restore(150, stored)
                .appendAll(entries.subList(150, SIZE).stream().map(MerkleHash::leaf).toList());
        assertThat(more.root()).isEqualTo(reference.root());
    }

    @Test
    void storedNodesAnswerEveryProofReadingOnlyTheNamedNodes() {
        Map<NodeId, byte[]> store = appendAll(SIZE);
        for (long size = 1; size <= SIZE; size += 13) {
            for (long index = 0; index < size; index += 5) {
                SubtreeHashes onlyNamed = fromOnly(store, ProofNodes.forInclusion(index, size));
                assertThat(Hex.hex(MerkleProofs.inclusionProof(index, size, onlyNamed)))
                        .isEqualTo(Hex.hex(MerkleProofs.inclusionProof(index, size, reference)));
                SubtreeHashes forConsistency = fromOnly(store, ProofNodes.forConsistency(index, size));
                assertThat(Hex.hex(MerkleProofs.consistencyProof(index, size, forConsistency)))
                        .isEqualTo(Hex.hex(MerkleProofs.consistencyProof(index, size, reference)));
            }
            assertThat(MerkleProofs.root(size, fromOnly(store, ProofNodes.forRoot(size))))
                    .isEqualTo(reference.root(size));
        }
    }

    @Test
    void proofsReadLogarithmicallyManyNodes() {
        assertThat(ProofNodes.forInclusion(123_456_789L, 1_000_000_000L)).hasSizeLessThanOrEqualTo(2 * 30);
        assertThat(ProofNodes.forConsistency(123_456_789L, 1_000_000_000L)).hasSizeLessThanOrEqualTo(2 * 30);
    }

    @Test
    void aMissingStoredNodeIsACorruptStoreNotAWrongProof() {
        SubtreeHashes empty = SubtreeHashes.fromNodes(id -> null);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(0, 8, empty))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    @Test
    void restoreRejectsAFrontierOfTheWrongShape() {
        assertThatThrownBy(() -> Frontier.restore(3, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Map<NodeId, byte[]> appendAll(int count) {
        Map<NodeId, byte[]> store = new HashMap<>();
        Frontier frontier = Frontier.empty();
        for (byte[] entry : entries.subList(0, count)) {
            Frontier.Appended appended = frontier.append(MerkleHash.leaf(entry));
            appended.completed().forEach(node -> assertThat(store.put(node.id(), node.hash())).isNull());
            frontier = appended.frontier();
        }
        return store;
    }

    private static SubtreeHashes fromOnly(Map<NodeId, byte[]> store, java.util.Set<NodeId> named) {
        return SubtreeHashes.fromNodes(id -> named.contains(id) ? store.get(id) : null);
    }
}
