package org.batchledger.lineage.ledger;

import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/**
 * The ledger's end as stored on {@code (:LedgerHead {id: 'main'})}: last sequence number and entry hash, Merkle
 * tree size and root (hex). An empty ledger reads as size 0.
 */
public record LedgerHead(long seq, String hash, long treeSize, String root) {
    private static final String READ = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'})
            RETURN coalesce(h.seq, 0) AS seq, coalesce(h.hash, $genesis) AS hash,
                   coalesce(h.treeSize, 0) AS treeSize, coalesce(h.root, $emptyRoot) AS root""";

    public static LedgerHead read(Tx tx) {
        var r = tx.run(READ, Map.of("genesis", LedgerEntry.GENESIS_HASH, "emptyRoot",
                MerkleStore.hex(org.batchledger.verifier.proof.MerkleHash.emptyRoot()))).single();
        return new LedgerHead(r.get("seq").asLong(), r.get("hash").asString(), r.get("treeSize").asLong(),
                r.get("root").asString());
    }

    /** Refuses a tree size the ledger does not have (yet). */
    public void requireSize(String argument, long size) {
        if (size < 0) {
            throw new LedgerArgumentException(argument, "must not be negative, was " + size);
        }
        if (size > treeSize) {
            throw new LedgerArgumentException(argument, "is " + size + ", beyond the ledger's size " + treeSize);
        }
    }
}
