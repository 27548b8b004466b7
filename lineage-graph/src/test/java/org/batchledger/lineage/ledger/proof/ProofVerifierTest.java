package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.verifier.proof.Verification;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The edge cases that broke other implementations, each rejected with a reason and without an exception. */
@Tag("REQ-LEDGER-003")
class ProofVerifierTest {
    final InMemoryTree tree = InMemoryTree.ofEntries(Rfc6962TestVectorsTest.ENTRIES);
    final byte[] leaf0 = MerkleHash.leaf(Rfc6962TestVectorsTest.ENTRIES.getFirst());

    @Test
    void acceptsSizeOneTreeWithEmptyPath() {
        assertThat(ProofVerifier.verifyInclusion(0, 1, leaf0, List.of(), tree.root(1)).ok()).isTrue();
    }

    @Test
    void rejectsNonEmptyProofForSizeOneTree() {
        assertFails(ProofVerifier.verifyInclusion(0, 1, leaf0, List.of(tree.root(1)), tree.root(1)), "more hashes");
    }

    @Test
    void rejectsInclusionProofWithLeafIndexBeyondTreeSize() {
        List<byte[]> proof = MerkleProofs.inclusionProof(7, 8, tree);
        assertFails(ProofVerifier.verifyInclusion(8, 8, leaf0, proof, tree.root(8)), "not below the tree size");
        assertFails(ProofVerifier.verifyInclusion(0, 0, leaf0, List.of(), MerkleHash.emptyRoot()), "not below");
    }

    @Test
    void rejectsNegativeIndexesAndSizes() {
        assertFails(ProofVerifier.verifyInclusion(-1, 8, leaf0, List.of(), tree.root(8)), "negative");
        assertFails(ProofVerifier.verifyInclusion(0, -8, leaf0, List.of(), tree.root(8)), "negative");
        assertFails(ProofVerifier.verifyConsistency(-1, 8, tree.root(1), tree.root(8), List.of()), "negative");
        assertFails(ProofVerifier.verifyConsistency(Long.MIN_VALUE, -1, tree.root(1), tree.root(8), List.of()),
                "negative");
    }

    @Test
    void rejectsNullAndWronglySizedHashesWithoutThrowing() {
        List<byte[]> withNull = new ArrayList<>(MerkleProofs.inclusionProof(0, 8, tree));
        withNull.set(1, null);
        assertFails(ProofVerifier.verifyInclusion(0, 8, leaf0, withNull, tree.root(8)), "32 bytes");
        assertFails(ProofVerifier.verifyInclusion(0, 8, leaf0, null, tree.root(8)), "missing");
        assertFails(ProofVerifier.verifyInclusion(0, 1, null, List.of(), tree.root(1)), "32 bytes");
        assertFails(ProofVerifier.verifyInclusion(0, 1, leaf0, List.of(), new byte[31]), "32 bytes");
        assertFails(ProofVerifier.verifyConsistency(1, 8, null, tree.root(8), List.of(leaf0)), "32 bytes");
        assertFails(ProofVerifier.verifyInclusion(0, 8, leaf0, List.of(new byte[0]), tree.root(8)), "32 bytes");
    }

    @Test
    void rejectsAbsurdlyLongProofsBeforeHashing() {
        List<byte[]> proof = Collections.nCopies(65, leaf0);
        assertFails(ProofVerifier.verifyInclusion(0, Long.MAX_VALUE, leaf0, proof, tree.root(8)), "longer than");
    }

    @Test
    void rejectsConsistencyFromLargerOldSize() {
        assertFails(ProofVerifier.verifyConsistency(8, 6, tree.root(8), tree.root(6), List.of()), "larger than");
    }

    @Test
    void acceptsEqualSizesWithEqualRootsAndEmptyProof() {
        assertThat(ProofVerifier.verifyConsistency(8, 8, tree.root(8), tree.root(8), List.of()).ok()).isTrue();
        assertThat(MerkleProofs.consistencyProof(8, 8, tree)).isEmpty();
    }

    @Test
    void rejectsEqualSizesWithDifferentRoots() {
        assertFails(ProofVerifier.verifyConsistency(8, 8, tree.root(8), tree.root(7), List.of()), "different roots");
    }

    @Test
    void rejectsEqualSizesWithNonEmptyProof() {
        assertFails(ProofVerifier.verifyConsistency(8, 8, tree.root(8), tree.root(8), List.of(tree.root(8))),
                "must be empty");
    }

    @Test
    void rejectsEmptyProofBetweenDifferentSizes() {
        assertFails(ProofVerifier.verifyConsistency(1, 2, tree.root(1), tree.root(2), List.of()), "cannot be empty");
    }

    @Test
    void acceptsConsistencyFromTheEmptyTreeOnlyWithEmptyProofAndEmptyRoot() {
        byte[] empty = MerkleHash.emptyRoot();
        assertThat(MerkleProofs.consistencyProof(0, 8, tree)).isEmpty();
        assertThat(ProofVerifier.verifyConsistency(0, 8, empty, tree.root(8), List.of()).ok()).isTrue();
        assertThat(ProofVerifier.verifyConsistency(0, 0, empty, empty, List.of()).ok()).isTrue();
        assertFails(ProofVerifier.verifyConsistency(0, 8, empty, tree.root(8), List.of(empty)), "must be empty");
        assertFails(ProofVerifier.verifyConsistency(0, 8, tree.root(1), tree.root(8), List.of()), "empty tree");
        assertFails(ProofVerifier.verifyConsistency(0, 0, empty, tree.root(1), List.of()), "different roots");
    }

    /**
     * immudb CVE-2022-36111 (GHSA-672p-m5jq-mrh8): its client checked only the ends of a proof against the new
     * state, so a server could present a falsified history that still reached the genuine new root. Here a genuine
     * 6→8 proof is offered for a forged old tree of size 6: it reaches the new root, but every hash also feeds the
     * old root, which must match too.
     */
    @Test
    void rejectsConsistencyProofThatReachesOnlyTheNewRootCve2022_36111() {
        List<byte[]> forgedEntries = new ArrayList<>(Rfc6962TestVectorsTest.ENTRIES.subList(0, 6));
        forgedEntries.set(3, "falsified".getBytes());
        byte[] forgedOldRoot = Hex.naiveRoot(forgedEntries);
        List<byte[]> genuine = MerkleProofs.consistencyProof(6, 8, tree);

        assertFails(ProofVerifier.verifyConsistency(6, 8, forgedOldRoot, tree.root(8), genuine), "old root");
    }

    @Test
    void rejectsReorderedInclusionProof() {
        List<byte[]> proof = new ArrayList<>(MerkleProofs.inclusionProof(5, 8, tree));
        Collections.swap(proof, 0, 2);
        byte[] leaf = MerkleHash.leaf(Rfc6962TestVectorsTest.ENTRIES.get(5));
        assertFails(ProofVerifier.verifyInclusion(5, 8, leaf, proof, tree.root(8)), "does not lead");
    }

    /**
     * Sizes 7 and 8 give leaf 5 paths of the same shape, so a size is only as good as the (size, root) pair it
     * comes with: the signed checkpoint binds them, which is why proofs are checked against checkpoints.
     */
    @Test
    void rejectsInclusionProofForTheWrongLeafOrSize() {
        List<byte[]> proof = MerkleProofs.inclusionProof(5, 8, tree);
        byte[] leaf = MerkleHash.leaf(Rfc6962TestVectorsTest.ENTRIES.get(5));
        assertThat(ProofVerifier.verifyInclusion(5, 8, leaf, proof, tree.root(8)).ok()).isTrue();
        assertThat(ProofVerifier.verifyInclusion(4, 8, leaf, proof, tree.root(8)).ok()).isFalse();
        assertThat(ProofVerifier.verifyInclusion(5, 4, leaf, proof, tree.root(8)).ok()).isFalse();
        assertThat(ProofVerifier.verifyInclusion(5, 16, leaf, proof, tree.root(8)).ok()).isFalse();
        assertThat(ProofVerifier.verifyInclusion(5, 8, leaf0, proof, tree.root(8)).ok()).isFalse();
    }

    private static void assertFails(Verification verification, String reason) {
        assertThat(verification.ok()).as(verification.reason()).isFalse();
        assertThat(verification.reason()).contains(reason);
    }

}
