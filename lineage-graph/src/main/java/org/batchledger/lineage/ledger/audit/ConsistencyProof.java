package org.batchledger.lineage.ledger.audit;

import java.util.List;

/** RFC 9162 consistency proof that the tree of {@code fromSize} is a prefix of the tree of {@code toSize}. */
public record ConsistencyProof(long fromSize, long toSize, String fromRoot, String toRoot, List<String> hashes) {
}
