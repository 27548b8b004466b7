package org.batchledger.verifier.proof;

import java.util.List;

/** Shape checks on proof inputs that must pass before the RFC algorithms run on them. */
final class ProofInput {
    /** No tree of at most 2^63 - 1 leaves needs more; longer proofs are rejected before any hashing. */
    private static final int MAX_PROOF_HASHES = 64;

    private ProofInput() {
    }

    static Verification inclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || treeSize < 0) {
            return Verification.failure("the leaf index and tree size must not be negative");
        }
        if (index >= treeSize) {
            return Verification.failure("leaf index " + index + " is not below the tree size " + treeSize);
        }
        if (!MerkleHash.isHash(leafHash) || !MerkleHash.isHash(root)) {
            return Verification.failure("the leaf hash and root must be " + MerkleHash.SIZE + " bytes");
        }
        return wellFormed(proof);
    }

    static Verification consistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 0 || newSize < 0) {
            return Verification.failure("tree sizes must not be negative");
        }
        if (oldSize > newSize) {
            return Verification.failure("the old size " + oldSize + " is larger than the new size " + newSize);
        }
        if (!MerkleHash.isHash(oldRoot) || !MerkleHash.isHash(newRoot)) {
            return Verification.failure("both roots must be " + MerkleHash.SIZE + " bytes");
        }
        Verification shape = wellFormed(proof);
        if (!shape.ok()) {
            return shape;
        }
        if (oldSize == newSize || oldSize == 0) {
            return trivial(oldSize, newSize, oldRoot, newRoot, proof);
        }
        return proof.isEmpty()
                ? Verification.failure("a consistency proof between different sizes cannot be empty") : shape;
    }

    // Equal sizes or the empty old tree: nothing to prove, so only an empty proof and matching roots pass.
    private static Verification trivial(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
            List<byte[]> proof) {
        if (!proof.isEmpty()) {
            return Verification.failure("a consistency proof from the same or an empty tree must be empty");
        }
        if (oldSize == newSize && !ProofVerifier.same(oldRoot, newRoot)) {
            return Verification.failure("two trees of the same size have different roots");
        }
        if (oldSize == 0 && !ProofVerifier.same(oldRoot, MerkleHash.emptyRoot())) {
            return Verification.failure("the root of the empty tree must be SHA-256 of nothing");
        }
        return Verification.success();
    }

    private static Verification wellFormed(List<byte[]> proof) {
        if (proof == null || proof.size() > MAX_PROOF_HASHES) {
            return Verification.failure("the proof is missing or longer than " + MAX_PROOF_HASHES + " hashes");
        }
        for (byte[] hash : proof) {
            if (!MerkleHash.isHash(hash)) {
                return Verification.failure("every proof hash must be " + MerkleHash.SIZE + " bytes");
            }
        }
        return Verification.success();
    }
}
