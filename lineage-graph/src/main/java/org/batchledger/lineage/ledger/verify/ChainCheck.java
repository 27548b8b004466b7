package org.batchledger.lineage.ledger.verify;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.CanonicalEntryEncoder;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.StoredEntry;
import org.batchledger.lineage.ledger.proof.CompactRange;
import org.batchledger.lineage.ledger.proof.MerkleHash;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the entries {@code 1..last} in keyset pages, each read in its own read transaction on a second thread
 * while this one checks the page before: every entry's hash is re-derived from its canonical bytes, its sequence
 * number and back link checked, and its leaf appended to a recomputed Merkle tree, whose root is kept at every
 * size a checkpoint names. The check of an entry allocates nothing: it encodes into one buffer and hashes with
 * two reused digests ({@code SHA-256(entry)} for the chain, {@code SHA-256(0x00 ‖ entry)} for the leaf).
 */
final class ChainCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ChainCheck.class);
    static final int PAGE = 10_000;
    private static final long PROGRESS_EVERY = 100_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] NO_LEAF = new byte[MerkleHash.SIZE];
    // Keyset pages: a range seek on the unique seq index, in index order (no sort, no skip), returning the
    // entry's properties as positional columns (no node identity, no property map to build and look up).
    static final String PAGE_OF_ENTRIES = """
            MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.seq <= $last
            WITH e ORDER BY e.seq LIMIT $limit
            RETURN\s""" + StoredEntry.RETURN_FIELDS;

    final Map<Long, byte[]> rootsAt = new HashMap<>();
    final CompactRange tree = new CompactRange();
    long bytes;
    String lastHash = LedgerEntry.GENESIS_HASH;
    private final long[] checkpointSizes;
    private int nextCheckpoint;
    private final CanonicalEntryEncoder encoder = new CanonicalEntryEncoder();
    private final MessageDigest entryDigest = Sha256.digest();
    private final MessageDigest leafDigest = Sha256.digest();
    private final byte[] hash = new byte[MerkleHash.SIZE];
    private long expectedSeq = 1;

    /** @param checkpointSizes the tree sizes whose roots are kept in {@link #rootsAt} */
    ChainCheck(Set<Long> checkpointSizes) {
        this.checkpointSizes = checkpointSizes.stream().mapToLong(Long::longValue).filter(s -> s >= 0).sorted()
                .distinct().toArray();
        rootIfCheckpoint();
    }

    void run(GraphDatabase db, long last, Findings findings) {
        long started = System.nanoTime();
        long after = 0;
        try (Prefetch<StoredEntry> pages = new Prefetch<>("ledger-verify-entries", after, last,
                from -> page(db, from, last), ChainCheck::seq)) {
            while (after < last) {
                List<StoredEntry> page = pages.next();
                if (page.isEmpty()) {
                    findings.badEntry(after + 1, "missing: the ledger ends at " + after + ", its head at " + last);
                    return;
                }
                check(page, findings);
                long previous = after;
                after = seq(page.getLast());
                if (after / PROGRESS_EVERY != previous / PROGRESS_EVERY) {
                    progress(after, last, started);
                }
            }
        }
    }

    private void progress(long checked, long last, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Ledger verification: {} of {} entries checked ({} MB/s of canonical entries)", checked, last,
                String.format("%.1f", bytes / 1e6 / seconds));
    }

    /** Checks one page of stored entries, in sequence order, continuing from the page before. */
    void check(List<StoredEntry> page, Findings findings) {
        for (StoredEntry stored : page) {
            check(stored, findings);
        }
    }

    // One entry: its leaf; the chain goes on from its stored hash so one edit is reported once.
    private void check(StoredEntry stored, Findings findings) {
        long seq = seq(stored);
        if (seq != expectedSeq) {
            findings.badEntry(expectedSeq, "missing or out of place: found entry " + seq + " next");
        }
        expectedSeq = seq + 1;
        Object entryHash = stored.entryHash();
        int length;
        try {
            length = encoder.encodeStored(stored);
        } catch (RuntimeException e) {
            findings.badEntry(seq, "its stored fields do not form an entry (" + e.getClass().getSimpleName() + ")");
            lastHash = String.valueOf(entryHash);
            appendLeaf(NO_LEAF);
            return;
        }
        bytes += length;
        byte[] canonical = encoder.buffer();
        entryDigest.update(canonical, 0, length);
        if (!isHexOf(digest(entryDigest), entryHash)) {
            findings.badEntry(seq, "its content does not hash to its stored entry hash (entry altered)");
        }
        if (!lastHash.equals(stored.prevHash())) {
            findings.badEntry(seq, "its previous-hash link does not name the entry before it (chain broken)");
        }
        lastHash = String.valueOf(entryHash);
        leafDigest.update((byte) 0x00);
        leafDigest.update(canonical, 0, length);
        appendLeaf(digest(leafDigest));
    }

    private void appendLeaf(byte[] leaf) {
        tree.append(leaf);
        rootIfCheckpoint();
    }

    private void rootIfCheckpoint() {
        while (nextCheckpoint < checkpointSizes.length && checkpointSizes[nextCheckpoint] <= tree.size()) {
            if (checkpointSizes[nextCheckpoint] == tree.size()) {
                rootsAt.put(tree.size(), tree.root());
            }
            nextCheckpoint++;
        }
    }

    private byte[] digest(MessageDigest digest) {
        try {
            digest.digest(hash, 0, MerkleHash.SIZE);
            return hash;
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }

    /** Whether {@code text} is the lower-case hex of {@code hash}, as {@code Sha256.hex} writes it. */
    private static boolean isHexOf(byte[] hash, Object text) {
        if (!(text instanceof String s) || s.length() != 2 * hash.length) {
            return false;
        }
        for (int i = 0; i < hash.length; i++) {
            if (s.charAt(2 * i) != HEX[(hash[i] >> 4) & 0xF] || s.charAt(2 * i + 1) != HEX[hash[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    private static long seq(StoredEntry stored) {
        return ((Number) stored.seq()).longValue();
    }

    private static List<StoredEntry> page(GraphDatabase db, long after, long last) {
        return db.read(tx -> tx.run(PAGE_OF_ENTRIES, Map.of("after", after, "last", last, "limit", PAGE))
                .list(StoredEntry::of));
    }
}
