package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.verifier.proof.Verification;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random trees of every size 1..300 (the prefixes of one random 300-leaf tree): every generated proof verifies and
 * every single-hash alteration, removal, duplication or adjacent swap of it fails.
 */
@Tag("REQ-LEDGER-002")
@Tag("REQ-LEDGER-003")
class ProofPropertyTest {
    static final int MAX_SIZE = 300;
    final Random random = new Random(9162);
    final List<byte[]> entries = randomEntries(MAX_SIZE);
    final InMemoryTree tree = InMemoryTree.ofEntries(entries);

    @Test
    void everyInclusionProofVerifiesAndEveryMutationOfItFails() {
        for (int size = 1; size <= MAX_SIZE; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                long i = index;
                long n = size;
                byte[] leaf = MerkleHash.leaf(entries.get(index));
                List<byte[]> proof = MerkleProofs.inclusionProof(i, n, tree);
                assertAllMutationsFail(proof, p -> ProofVerifier.verifyInclusion(i, n, leaf, p, root),
                        "inclusion " + i + "/" + n);
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndEveryMutationOfItFails() {
        for (int newSize = 1; newSize <= MAX_SIZE; newSize++) {
            byte[] newRoot = tree.root(newSize);
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                long m = oldSize;
                long n = newSize;
                byte[] oldRoot = tree.root(oldSize);
                List<byte[]> proof = MerkleProofs.consistencyProof(m, n, tree);
                assertAllMutationsFail(proof, p -> ProofVerifier.verifyConsistency(m, n, oldRoot, newRoot, p),
                        "consistency " + m + "→" + n);
            }
        }
    }

    @Test
    void rootsAgreeWithTheRecursiveDefinition() {
        for (int size = 0; size <= MAX_SIZE; size += 7) {
            assertThat(tree.root(size)).isEqualTo(Hex.naiveRoot(entries.subList(0, size)));
        }
    }

    private static void assertAllMutationsFail(List<byte[]> proof,
            Function<List<byte[]>, Verification> verify, String what) {
        assertThat(verify.apply(proof).ok()).as(what + ": " + verify.apply(proof).reason()).isTrue();
        for (int i = 0; i < proof.size(); i++) {
            assertRejected(verify, mutate(proof, i, (p, at) -> p.set(at, flipBit(p.get(at)))), what, "flip", i);
            assertRejected(verify, mutate(proof, i, (p, at) -> p.remove((int) at)), what, "remove", i);
            assertRejected(verify, mutate(proof, i, (p, at) -> p.add(at, p.get(at))), what, "duplicate", i);
            if (i + 1 < proof.size()) {
                assertRejected(verify, mutate(proof, i, (p, at) -> p.set(at + 1, p.set(at, p.get(at + 1)))),
                        what, "swap", i);
            }
        }
    }

    private static void assertRejected(Function<List<byte[]>, Verification> verify,
            List<byte[]> mutated, String what, String mutation, int at) {
        assertThat(verify.apply(mutated).ok()).as("%s with %s at %d", what, mutation, at).isFalse();
    }

    private static List<byte[]> mutate(List<byte[]> proof, int at, BiConsumer<List<byte[]>, Integer> change) {
        List<byte[]> copy = new ArrayList<>(proof);
        change.accept(copy, at);
        return copy;
    }

    private static byte[] flipBit(byte[] hash) {
        byte[] flipped = hash.clone();
        flipped[hash.length - 1] ^= 0x01;
        return flipped;
    }

    private List<byte[]> randomEntries(int count) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[1 + random.nextInt(40)];
            random.nextBytes(entry);
            list.add(entry);
        }
        return list;
    }
}
