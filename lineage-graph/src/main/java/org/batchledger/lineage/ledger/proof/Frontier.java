package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of the tree (a "compact range" over {@code [0, size)}): the roots of the perfect subtrees that
 * {@link ProofNodes#covering covering(0, size)} names, one per set bit of {@code size}, largest first. That is all
 * an appender needs to keep: from it, appending a leaf yields the new root and the nodes the append completed.
 *
 * <p>Immutable. The store restores one from the stored nodes {@link #nodeIds(long)} names, appends a batch of leaf
 * hashes, persists {@link Appended#completed()} (those at heights 0, 8, 16, … as hash tiles) in the same
 * transaction as the entries, and records {@link Appended#root()} with the new size.
 */
public final class Frontier {
    private final long size;
    private final List<byte[]> roots;

    private Frontier(long size, List<byte[]> roots) {
        this.size = size;
        this.roots = roots;
    }

    public static Frontier empty() {
        return new Frontier(0, List.of());
    }

    /** A frontier from the stored hashes of {@link #nodeIds(long) nodeIds(size)}, in that order. */
    public static Frontier restore(long size, List<byte[]> hashes) {
        if (size < 0 || hashes.size() != Long.bitCount(size) || !hashes.stream().allMatch(MerkleHash::isHash)) {
            throw new IllegalArgumentException("a tree of size " + size + " has a frontier of "
                    + Long.bitCount(size) + " hashes of " + MerkleHash.SIZE + " bytes");
        }
        return new Frontier(size, hashes.stream().map(byte[]::clone).toList());
    }

    /** The nodes whose hashes make up the frontier of a tree of {@code size} leaves, largest (leftmost) first. */
    public static List<NodeId> nodeIds(long size) {
        return size == 0 ? List.of() : ProofNodes.covering(0, size);
    }

    public long size() {
        return size;
    }

    /** The RFC 9162 root of the tree: the frontier's hashes nested to the right. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = roots.getLast();
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(roots.get(i), root);
        }
        return root;
    }

    /** Appends one leaf hash; the completed nodes are the leaf itself and every subtree it closes. */
    public Appended append(byte[] leafHash) {
        return appendAll(List.of(leafHash));
    }

    /** Appends leaf hashes in order, collecting every completed node. */
    public Appended appendAll(List<byte[]> leafHashes) {
        List<byte[]> next = new ArrayList<>(roots);
        List<MerkleNode> completed = new ArrayList<>();
        long nextSize = size;
        for (byte[] leafHash : leafHashes) {
            if (!MerkleHash.isHash(leafHash)) {
                throw new IllegalArgumentException("a leaf hash has " + MerkleHash.SIZE + " bytes");
            }
            push(next, new MerkleNode(new NodeId(0, nextSize++), leafHash), completed);
        }
        return new Appended(new Frontier(nextSize, List.copyOf(next)), List.copyOf(completed));
    }

    // A node with an odd index is a right child: merge it with its left sibling, the frontier's last hash.
    private static void push(List<byte[]> roots, MerkleNode leaf, List<MerkleNode> completed) {
        completed.add(leaf);
        NodeId id = leaf.id();
        byte[] hash = leaf.hash();
        while ((id.index() & 1) == 1) {
            hash = MerkleHash.node(roots.removeLast(), hash);
            id = new NodeId(id.level() + 1, id.index() >> 1);
            completed.add(new MerkleNode(id, hash));
        }
        roots.add(hash);
    }

    /** The result of an append: the new frontier, and the nodes to persist, bottom-up in append order. */
    public record Appended(Frontier frontier, List<MerkleNode> completed) {
        public byte[] root() {
            return frontier.root();
        }

        public long size() {
            return frontier.size();
        }
    }
}
