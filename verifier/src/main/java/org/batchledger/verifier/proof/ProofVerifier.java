package org.batchledger.verifier.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof verification as specified in RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency). Every input may be
 * hostile: a bad value gives a failed {@link Verification} with the reason, never an exception.
 *
 * <p>Both algorithms walk the proof while tracking the node positions {@code fn} and {@code sn}; a proof that
 * runs out before {@code sn} reaches 0, or goes on after it, is rejected, so an extra, missing or reordered hash
 * cannot slip through, and every hash of the proof feeds a root that is compared.
 */
public final class ProofVerifier {
    private ProofVerifier() {
    }

    public static Verification verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof,
            byte[] root) {
        Verification input = ProofInput.inclusion(index, treeSize, leafHash, proof, root);
        if (!input.ok()) {
            return input;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return Verification.failure("the inclusion proof has more hashes than a tree of size " + treeSize);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Verification.failure("the inclusion proof has fewer hashes than a tree of size " + treeSize);
        }
        return same(r, root) ? Verification.success()
                : Verification.failure("the inclusion proof does not lead to the given root");
    }

    /**
     * Checks that the tree of {@code oldSize} leaves with {@code oldRoot} is a prefix of the tree of {@code newSize}
     * with {@code newRoot}. Equal sizes need equal roots and an empty proof. From the empty tree (size 0) there is
     * nothing to prove: it is a prefix of every tree, so the proof must be empty and {@code oldRoot} must be the
     * empty tree's root {@code SHA-256("")}; {@code newRoot} is then not constrained by this check.
     */
    public static Verification verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
            List<byte[]> proof) {
        Verification input = ProofInput.consistency(oldSize, newSize, oldRoot, newRoot, proof);
        if (!input.ok() || oldSize == newSize || oldSize == 0) {
            return input;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot); // the old tree is one perfect subtree of the new one; the RFC leaves it out
        }
        return walkConsistency(oldSize, newSize, oldRoot, newRoot, path);
    }

    private static Verification walkConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
            List<byte[]> path) {
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return Verification.failure("the consistency proof has more hashes than needed");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return conclude(sn, fr, sr, oldRoot, newRoot);
    }

    private static Verification conclude(long sn, byte[] fr, byte[] sr, byte[] oldRoot, byte[] newRoot) {
        if (sn != 0) {
            return Verification.failure("the consistency proof has fewer hashes than needed");
        }
        if (!same(fr, oldRoot)) {
            return Verification.failure("the consistency proof does not lead to the old root");
        }
        if (!same(sr, newRoot)) {
            return Verification.failure("the consistency proof does not lead to the new root");
        }
        return Verification.success();
    }

    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
