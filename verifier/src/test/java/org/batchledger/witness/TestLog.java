package org.batchledger.witness;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteSigner;

/** A log in memory for witness tests: RFC 9162 roots and consistency proofs, checkpoints signed with its key. */
final class TestLog {
    private final List<byte[]> leaves = new ArrayList<>();
    private final NoteSigner signer;

    TestLog(String origin, KeyPair key) {
        this.signer = new NoteSigner(origin, key.getPrivate(), key.getPublic());
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String verifierKey() {
        return signer.verifierKey();
    }

    String origin() {
        return signer.keyName();
    }

    TestLog append(String... entries) {
        for (String entry : entries) {
            leaves.add(MerkleHash.leaf(entry.getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    long size() {
        return leaves.size();
    }

    Checkpoint checkpoint() {
        return new Checkpoint(origin(), leaves.size(), root(0, leaves.size()), List.of());
    }

    String signedNote() {
        return signer.sign(checkpoint());
    }

    /** The add-checkpoint body from {@code oldSize} to the current size. */
    String request(long oldSize) {
        return request(oldSize, consistency(oldSize), signedNote());
    }

    static String request(long oldSize, List<byte[]> proof, String note) {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return body.append('\n').append(note).toString();
    }

    List<byte[]> consistency(long oldSize) {
        return oldSize == 0 ? List.of() : subproof((int) oldSize, 0, leaves.size(), true);
    }

    // RFC 9162 §2.1.4.1 SUBPROOF over leaves [from, to).
    private List<byte[]> subproof(int m, int from, int to, boolean complete) {
        int n = to - from;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!complete) {
                proof.add(root(from, to));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, from, from + k, complete));
            proof.add(root(from + k, to));
        } else {
            proof.addAll(subproof(m - k, from + k, to, false));
            proof.add(root(from, from + k));
        }
        return proof;
    }

    byte[] root(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleHash.node(root(from, from + k), root(from + k, to));
    }
}
