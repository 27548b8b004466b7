package org.batchledger.lineage.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.proof.Frontier;
import org.batchledger.lineage.ledger.proof.MerkleHash;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/**
 * Builds the Merkle tree of a ledger written before the tree existed, in the first append's transaction, so an
 * upgraded hub carries on instead of refusing writes. Entries are read in pages to bound memory.
 */
final class MerkleBackfill {
    private static final int PAGE = 5_000;
    private static final String PAGE_OF_ENTRIES = """
            MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.seq <= $last
            RETURN e ORDER BY e.seq LIMIT $limit""";
    private static final String CLEAR = "MATCH (m:MerkleNode) DETACH DELETE m";

    private MerkleBackfill() {
    }

    static Frontier build(Tx tx, long size) {
        tx.run(CLEAR, Map.of()).consume();
        Frontier frontier = Frontier.empty();
        while (frontier.size() < size) {
            List<byte[]> leaves = new ArrayList<>(PAGE);
            tx.run(PAGE_OF_ENTRIES, Map.of("after", frontier.size(), "last", size, "limit", PAGE)).forEachRemaining(
                    r -> leaves.add(MerkleHash.leaf(StoredEntries.entry(r.get("e").asMap()).canonicalBytes())));
            if (leaves.isEmpty()) {
                throw new IllegalStateException("ledger entries after " + frontier.size() + " are missing");
            }
            Frontier.Appended appended = frontier.appendAll(leaves);
            MerkleStore.persist(tx, appended.completed());
            frontier = appended.frontier();
        }
        return frontier;
    }
}
