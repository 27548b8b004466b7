package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import java.util.List;
import java.util.function.Function;

/** Answers any subtree an RFC 9162 algorithm asks for from O(log n) stored perfect subtrees. */
final class StoredSubtrees implements SubtreeHashes {
    private final Function<NodeId, byte[]> storedNodes;

    StoredSubtrees(Function<NodeId, byte[]> storedNodes) {
        this.storedNodes = storedNodes;
    }

    @Override
    public byte[] hash(long start, long end) {
        List<NodeId> pieces = ProofNodes.covering(start, end);
        // MTH splits at the largest power of two, so the range is its pieces nested to the right:
        // MTH = node(p0, node(p1, ... node(p(k-1), pk))).
        byte[] hash = read(pieces.getLast());
        for (int i = pieces.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(read(pieces.get(i)), hash);
        }
        return hash;
    }

    private byte[] read(NodeId id) {
        byte[] hash = storedNodes.apply(id);
        if (!MerkleHash.isHash(hash)) {
            throw new IllegalStateException("Merkle node (" + id.level() + ", " + id.index() + ") is missing or not "
                    + MerkleHash.SIZE + " bytes");
        }
        return hash;
    }
}
