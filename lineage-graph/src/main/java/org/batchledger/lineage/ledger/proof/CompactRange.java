package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchledger.verifier.proof.Sha256;

/**
 * The same right edge of the tree as {@link Frontier}, kept mutable for streaming a whole ledger through it: each
 * append hashes in place into preallocated slots with one reused digest, so verifying millions of leaves
 * allocates nothing per leaf. Roots and frontiers equal {@link Frontier}'s (tested). Not thread-safe.
 */
public final class CompactRange {
    private static final byte NODE_PREFIX = 0x01;

    // At most one subtree root per bit of the size, plus the leaf being merged.
    private final byte[][] hashes = new byte[Long.SIZE + 1][MerkleHash.SIZE];
    private final byte[] root = new byte[MerkleHash.SIZE];
    private final MessageDigest digest = Sha256.digest();
    private int count;
    private long size;

    public long size() {
        return size;
    }

    /** Appends the leaf hash {@code leafHash[0 .. 32)} (copied), merging every subtree it completes. */
    public void append(byte[] leafHash) {
        System.arraycopy(leafHash, 0, hashes[count++], 0, MerkleHash.SIZE);
        for (long index = size; (index & 1) == 1; index >>= 1) {
            count--;
            node(hashes[count - 1], hashes[count], hashes[count - 1]);
        }
        size++;
    }

    /** The RFC 9162 root of the leaves appended so far. */
    public byte[] root() {
        if (count == 0) {
            return MerkleHash.emptyRoot();
        }
        System.arraycopy(hashes[count - 1], 0, root, 0, MerkleHash.SIZE);
        for (int i = count - 2; i >= 0; i--) {
            node(hashes[i], root, root);
        }
        return root.clone();
    }

    /** The immutable frontier of the same tree. */
    public Frontier frontier() {
        List<byte[]> roots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            roots.add(Arrays.copyOf(hashes[i], MerkleHash.SIZE));
        }
        return Frontier.restore(size, roots);
    }

    // SHA-256(0x01 ‖ left ‖ right) into out; out may be either input, both are consumed before it is written.
    private void node(byte[] left, byte[] right, byte[] out) {
        digest.update(NODE_PREFIX);
        digest.update(left, 0, MerkleHash.SIZE);
        digest.update(right, 0, MerkleHash.SIZE);
        try {
            digest.digest(out, 0, MerkleHash.SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }
}
