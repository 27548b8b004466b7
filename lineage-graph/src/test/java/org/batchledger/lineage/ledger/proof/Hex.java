package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.MerkleHash;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: hashes as hex, and an RFC 9162 MTH written straight from the definition as the oracle. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<byte[]> hashes(String... hex) {
        return Arrays.stream(hex).map(Hex::bytes).toList();
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::hex).toList();
    }

    /** MTH(D[n]) of RFC 9162 §2.1.1, recursively, over entries (not leaf hashes). */
    static byte[] naiveRoot(List<byte[]> entries) {
        if (entries.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        if (entries.size() == 1) {
            return MerkleHash.leaf(entries.getFirst());
        }
        int k = Integer.highestOneBit(entries.size() - 1);
        return MerkleHash.node(naiveRoot(entries.subList(0, k)), naiveRoot(entries.subList(k, entries.size())));
    }
}
