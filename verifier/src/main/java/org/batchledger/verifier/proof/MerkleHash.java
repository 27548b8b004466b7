package org.batchledger.verifier.proof;

import java.security.MessageDigest;

/**
 * The two hash functions of RFC 9162 §2.1.1. The one-byte prefixes keep a leaf from ever being taken for an inner
 * node (second-preimage resistance), which is why the tree hashes entries rather than using them as node values.
 */
public final class MerkleHash {
    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** {@code SHA-256(0x00 ‖ entry)}: the hash of one ledger entry's canonical bytes. */
    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = Sha256.digest();
        digest.update(LEAF_PREFIX);
        return digest.digest(entry);
    }

    /** {@code SHA-256(0x01 ‖ left ‖ right)}: the hash of an inner node. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** The root of the empty tree, {@code SHA-256("")} (RFC 9162 §2.1.1). */
    public static byte[] emptyRoot() {
        return Sha256.of(new byte[0]);
    }

    public static boolean isHash(byte[] bytes) {
        return bytes != null && bytes.length == SIZE;
    }
}
