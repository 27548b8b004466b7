package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.ProofVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof generation as specified in RFC 9162 §2.1.3.1 (inclusion, {@code PATH}) and §2.1.4.1 (consistency,
 * {@code PROOF}/{@code SUBPROOF}). Each proof reads O(log n) subtree hashes from the given {@link SubtreeHashes}.
 * Arguments out of range are the caller's bug and throw {@link IllegalArgumentException}.
 */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    /** MTH of the first {@code treeSize} leaves; the empty tree's root is {@code SHA-256("")}. */
    public static byte[] root(long treeSize, SubtreeHashes tree) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        return treeSize == 0 ? MerkleHash.emptyRoot() : tree.hash(0, treeSize);
    }

    /** The audit path of leaf {@code index} in the tree of {@code treeSize} leaves, leaf-side first. */
    public static List<byte[]> inclusionProof(long index, long treeSize, SubtreeHashes tree) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, treeSize, tree, path);
        return path;
    }

    /**
     * The proof that the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize}. Empty when the
     * sizes are equal or {@code oldSize} is 0: RFC 9162 defines no proof from the empty tree, which is a prefix of
     * every tree (see {@link ProofVerifier#verifyConsistency} for how that is checked).
     */
    public static List<byte[]> consistencyProof(long oldSize, long newSize, SubtreeHashes tree) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0) {
            subproof(oldSize, 0, newSize, true, tree, proof);
        }
        return proof;
    }

    // PATH(m, D[start:end]), m relative to start; sibling hashes are appended after the deeper part.
    private static void path(long m, long start, long end, SubtreeHashes tree, List<byte[]> out) {
        long size = end - start;
        if (size == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (m < k) {
            path(m, start, start + k, tree, out);
            out.add(tree.hash(start + k, end));
        } else {
            path(m - k, start + k, end, tree, out);
            out.add(tree.hash(start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], whole), m relative to start.
    private static void subproof(long m, long start, long end, boolean whole, SubtreeHashes tree, List<byte[]> out) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                out.add(tree.hash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (m <= k) {
            subproof(m, start, start + k, whole, tree, out);
            out.add(tree.hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, tree, out);
            out.add(tree.hash(start, start + k));
        }
    }

    /** The k of RFC 9162: the largest power of two smaller than {@code n}, for {@code n > 1}. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
