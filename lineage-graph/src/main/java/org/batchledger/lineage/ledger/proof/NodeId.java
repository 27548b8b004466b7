package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;

/**
 * Names one perfect subtree of the ledger's Merkle tree: the node at {@code level} covering the {@code 2^level}
 * leaves {@code [index·2^level, (index+1)·2^level)}.
 *
 * <ul>
 *   <li>Level 0 holds the leaf hashes; {@code (0, i)} is the leaf hash of the entry at tree position {@code i}
 *       (0-based).</li>
 *   <li>For level &gt; 0, {@code hash(level, i) = MerkleHash.node(hash(level-1, 2i), hash(level-1, 2i+1))}.</li>
 *   <li>A node exists once the tree holds {@code (index+1)·2^level} leaves and never changes afterwards: the
 *       store can write it once (in a hash tile when {@code level % 8 == 0}; others are hashed up within one tile) and
 *       answer any aligned power-of-two range with one read.</li>
 * </ul>
 * A tree of size n therefore stores fewer than 2n nodes, and any subtree an RFC 9162 proof asks for is at most
 * ~log2(n) of them (see {@link SubtreeHashes#fromNodes}).
 */
public record NodeId(int level, long index) {
    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such Merkle node: level " + level + ", index " + index);
        }
    }

    /** The first leaf position this node covers. */
    public long start() {
        return index << level;
    }

    /** One past the last leaf position this node covers. */
    public long end() {
        return (index + 1) << level;
    }
}
