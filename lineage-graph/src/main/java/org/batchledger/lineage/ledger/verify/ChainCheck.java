package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.StoredEntries;
import org.batchledger.lineage.ledger.proof.Frontier;
import org.batchledger.lineage.ledger.proof.MerkleHash;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the entries {@code 1..last} in pages, each in its own read transaction: every entry's hash is
 * re-derived from its canonical bytes, its sequence number and back link checked, and its leaf appended to a
 * recomputed Merkle tree, whose root is kept at every size a checkpoint names.
 */
final class ChainCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ChainCheck.class);
    static final int PAGE = 10_000;
    private static final String PAGE_OF_ENTRIES = """
            MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.seq <= $last
            RETURN e ORDER BY e.seq LIMIT $limit""";

    final Map<Long, byte[]> rootsAt = new HashMap<>();
    final Map<String, Long> versionsByType = new HashMap<>();
    Frontier tree = Frontier.empty();
    long bytes;
    String lastHash = LedgerEntry.GENESIS_HASH;
    private long expectedSeq = 1;
    private long afterSeq;

    void run(GraphDatabase db, long last, Set<Long> checkpointSizes, Findings findings) {
        rootAt(checkpointSizes);
        while (afterSeq < last) {
            List<Map<String, Object>> page = db.read(tx -> tx.run(PAGE_OF_ENTRIES,
                    Map.of("after", afterSeq, "last", last, "limit", PAGE)).list(r -> r.get("e").asMap()));
            if (page.isEmpty()) {
                findings.badEntry(afterSeq + 1, "missing: the ledger ends at " + afterSeq + ", its head at " + last);
                return;
            }
            List<byte[]> leaves = new ArrayList<>(page.size());
            for (Map<String, Object> stored : page) {
                leaves.add(check(stored, findings));
                if (checkpointSizes.contains(tree.size() + leaves.size())) {
                    append(leaves, checkpointSizes);
                }
            }
            append(leaves, checkpointSizes);
            afterSeq = ((Number) page.getLast().get("seq")).longValue();
            if (afterSeq / PAGE % 10 == 0) {
                LOG.info("Ledger verification: {} of {} entries checked", afterSeq, last);
            }
        }
    }

    // One entry: its leaf hash; the chain goes on from its stored hash so one edit is reported once.
    private byte[] check(Map<String, Object> stored, Findings findings) {
        long seq = ((Number) stored.get("seq")).longValue();
        if (seq != expectedSeq) {
            findings.badEntry(expectedSeq, "missing or out of place: found entry " + seq + " next");
        }
        expectedSeq = seq + 1;
        byte[] canonical;
        try {
            canonical = StoredEntries.entry(stored).canonicalBytes();
        } catch (RuntimeException e) {
            findings.badEntry(seq, "its stored fields do not form an entry (" + e.getClass().getSimpleName() + ")");
            lastHash = String.valueOf(stored.get("entryHash"));
            return new byte[MerkleHash.SIZE];
        }
        bytes += canonical.length;
        String derived = Sha256.hex(canonical);
        if (!derived.equals(stored.get("entryHash"))) {
            findings.badEntry(seq, "its content does not hash to its stored entry hash (entry altered)");
        }
        if (!lastHash.equals(stored.get("prevHash"))) {
            findings.badEntry(seq, "its previous-hash link does not name the entry before it (chain broken)");
        }
        lastHash = String.valueOf(stored.get("entryHash"));
        versionsByType.merge(String.valueOf(stored.get("entityType")), 1L, Long::sum);
        return MerkleHash.leaf(canonical);
    }

    private void append(List<byte[]> leaves, Set<Long> checkpointSizes) {
        tree = tree.appendAll(leaves).frontier();
        leaves.clear();
        rootAt(checkpointSizes);
    }

    private void rootAt(Set<Long> sizes) {
        if (sizes.contains(tree.size())) {
            rootsAt.put(tree.size(), tree.root());
        }
    }
}
