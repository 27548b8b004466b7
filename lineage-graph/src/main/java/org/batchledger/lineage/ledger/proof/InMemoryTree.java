package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole Merkle tree held in memory as its perfect subtrees, level by level: the reference the store's answers
 * are tested against, and the tree the standalone verifier rebuilds from exported entries.
 */
public final class InMemoryTree implements SubtreeHashes {
    private final List<byte[][]> levels = new ArrayList<>();
    private final SubtreeHashes subtrees =
            SubtreeHashes.fromNodes(id -> levels.get(id.level())[Math.toIntExact(id.index())]);

    private InMemoryTree(List<byte[]> leafHashes) {
        byte[][] level = leafHashes.stream().map(byte[]::clone).toArray(byte[][]::new);
        while (level.length > 0) {
            levels.add(level);
            level = parents(level);
        }
    }

    public static InMemoryTree ofLeafHashes(List<byte[]> leafHashes) {
        return new InMemoryTree(leafHashes);
    }

    public static InMemoryTree ofEntries(List<byte[]> entries) {
        return new InMemoryTree(entries.stream().map(MerkleHash::leaf).toList());
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.getFirst().length;
    }

    /** The root hash of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        return MerkleProofs.root(treeSize, this);
    }

    public byte[] root() {
        return root(size());
    }

    @Override
    public byte[] hash(long start, long end) {
        if (end > size()) {
            throw new IllegalArgumentException("the tree has only " + size() + " leaves, not " + end);
        }
        return subtrees.hash(start, end);
    }

    private static byte[][] parents(byte[][] children) {
        byte[][] parents = new byte[children.length / 2][];
        for (int i = 0; i < parents.length; i++) {
            parents[i] = MerkleHash.node(children[2 * i], children[2 * i + 1]);
        }
        return parents;
    }
}
