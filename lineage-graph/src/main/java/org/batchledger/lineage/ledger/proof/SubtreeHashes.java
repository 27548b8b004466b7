package org.batchledger.lineage.ledger.proof;

import java.util.List;
import java.util.function.Function;

/**
 * Where proof generation gets its hashes, so that it needs no storage of its own.
 *
 * <p>{@link MerkleProofs} only asks for subtrees the RFC 9162 algorithms name: either a perfect, aligned subtree
 * (one stored {@link NodeId}) or a right-edge subtree {@code [start, end)} whose {@code start} is a multiple of the
 * next power of two ≥ {@code end - start}; the latter is the RFC tree hash of a few perfect subtrees, combined by
 * {@link #fromNodes}.
 */
@FunctionalInterface
public interface SubtreeHashes {
    /** The RFC 9162 tree hash MTH of the leaves {@code [start, end)}, {@code start < end}. */
    byte[] hash(long start, long end);

    /**
     * Subtree hashes from stored perfect subtrees: every {@code hash(start, end)} reads the ≤ 63 nodes
     * {@link ProofNodes#covering(long, long)} names, each once, and combines them. The function must return the
     * stored hash of a complete node; a missing one is a corrupt store and fails with {@link IllegalStateException}.
     */
    static SubtreeHashes fromNodes(Function<NodeId, byte[]> storedNodes) {
        return new StoredSubtrees(storedNodes);
    }

    /** An in-memory tree over the given leaf hashes (tests, the standalone verifier, small logs). */
    static InMemoryTree ofLeafHashes(List<byte[]> leafHashes) {
        return InMemoryTree.ofLeafHashes(leafHashes);
    }
}
