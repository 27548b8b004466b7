package org.batchledger.lineage.ledger.audit;

import java.util.List;

/**
 * RFC 9162 inclusion proof of the entry {@code seq} (leaf index {@code seq - 1}) in the tree of {@code treeSize}
 * leaves; every hash lower-case hex, the audit path leaf-side first.
 */
public record InclusionProof(long seq, long leafIndex, long treeSize, String leafHash, String rootHash,
                             List<String> hashes) {
}
