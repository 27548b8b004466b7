package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stored perfect subtrees a root or proof needs, so the store can read them all in one query
 * ({@code UNWIND $nodes}) and then hand them to {@link SubtreeHashes#fromNodes} as a map lookup.
 */
public final class ProofNodes {
    private static final byte[] PLACEHOLDER = new byte[MerkleHash.SIZE];

    private ProofNodes() {
    }

    public static Set<NodeId> forRoot(long treeSize) {
        return treeSize == 0 ? Set.of() : new LinkedHashSet<>(covering(0, treeSize));
    }

    public static Set<NodeId> forInclusion(long index, long treeSize) {
        return recorded(hashes -> MerkleProofs.inclusionProof(index, treeSize, hashes));
    }

    public static Set<NodeId> forConsistency(long oldSize, long newSize) {
        return recorded(hashes -> MerkleProofs.consistencyProof(oldSize, newSize, hashes));
    }

    /**
     * The perfect subtrees whose nested combination is MTH over {@code [start, end)}: the binary decomposition of
     * {@code end - start}, largest first. Requires {@code start} to be a multiple of the next power of two ≥ the
     * range's size, which holds for every range RFC 9162 proofs ask for (and for every tree prefix).
     */
    public static List<NodeId> covering(long start, long end) {
        long size = end - start;
        if (start < 0 || size <= 0 || (start & (ceilPowerOfTwo(size) - 1)) != 0) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") is not a subtree RFC 9162 asks for");
        }
        List<NodeId> pieces = new ArrayList<>();
        long position = start;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                pieces.add(new NodeId(level, position >> level));
                position += 1L << level;
            }
        }
        return pieces;
    }

    private static long ceilPowerOfTwo(long size) {
        return size == 1 ? 1 : Long.highestOneBit(size - 1) << 1;
    }

    private static Set<NodeId> recorded(Consumer<SubtreeHashes> proof) {
        Set<NodeId> nodes = new LinkedHashSet<>();
        proof.accept((start, end) -> {
            nodes.addAll(covering(start, end));
            return PLACEHOLDER;
        });
        return nodes;
    }
}
