package org.batchledger.lineage.ledger.proof;

import java.util.Arrays;
import java.util.HexFormat;

/** A perfect subtree and its hash: what an append completes (the store keeps those at heights 0, 8, 16, … in hash tiles). */
public record MerkleNode(NodeId id, byte[] hash) {
    public MerkleNode {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    // Arrays compare by identity in a record's generated equals; nodes must compare by content.
    @Override
    public boolean equals(Object other) {
        return other instanceof MerkleNode node && id.equals(node.id) && Arrays.equals(hash, node.hash);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "MerkleNode[" + id.level() + "," + id.index() + " " + HexFormat.of().formatHex(hash) + "]";
    }
}
