package org.batchledger.lineage.ledger.verify;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Arrays;
import java.util.HexFormat;
import org.batchledger.lineage.ledger.CanonicalEntryDecoder;
import org.batchledger.lineage.ledger.EntryDecodeException;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.proof.CompactRange;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.ledger.tile.TileStore.BundleWithLeaves;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.verifier.proof.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the entries {@code 1..last} from their entry bundles in keyset pages (by bundle index), each read in its
 * own read transaction on a second thread while this one checks the page before. Each entry is hashed straight
 * from the stored bytes ({@code SHA-256(entry)} for the chain, {@code SHA-256(0x00 ‖ entry)} for the leaf, with
 * two reused digests), its leaf compared with the level-0 hash tile of the same index, its bytes strictly decoded
 * (sequence number, back link, type), and its leaf appended to a recomputed Merkle tree whose root is kept at
 * every size a checkpoint names.
 */
final class ChainCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ChainCheck.class);
    /** Entries per page, as whole bundles. */
    static final int PAGE = 10_240;
    private static final int BUNDLES_PER_PAGE = PAGE / TileId.WIDTH;
    private static final long PROGRESS_EVERY = 100_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final Map<Long, byte[]> rootsAt = new HashMap<>();
    final CompactRange tree = new CompactRange();
    long bytes;
    private byte[] lastDigest;
    private final long[] checkpointSizes;
    private int nextCheckpoint;
    private final MessageDigest entryDigest = Sha256.digest();
    private final MessageDigest leafDigest = Sha256.digest();
    private final byte[] hash = new byte[MerkleHash.SIZE];
    private long expectedSeq = 1;
    private boolean linkReported;

    /** @param checkpointSizes the tree sizes whose roots are kept in {@link #rootsAt} */
    ChainCheck(Set<Long> checkpointSizes) {
        this.checkpointSizes = checkpointSizes.stream().mapToLong(Long::longValue).filter(s -> s >= 0).sorted()
                .distinct().toArray();
        rootIfCheckpoint();
    }

    /** The hash of the last entry checked (the genesis hash before any). */
    String lastHash() {
        return lastDigest == null ? LedgerEntry.GENESIS_HASH : HexFormat.of().formatHex(lastDigest);
    }

    void run(GraphDatabase db, long last, Findings findings) {
        long started = System.nanoTime();
        long bundles = (last + TileId.WIDTH - 1) / TileId.WIDTH;
        try (Prefetch<BundleWithLeaves> pages = new Prefetch<>("ledger-verify-entries", 0, bundles,
                from -> page(db, from, bundles), b -> b.index() + 1)) {
            while (expectedSeq <= last) {
                List<BundleWithLeaves> page = pages.next();
                if (page.isEmpty()) {
                    findings.badEntry(expectedSeq, "missing: the ledger ends at " + (expectedSeq - 1) + ", its head at "
                            + last);
                    return;
                }
                long previous = expectedSeq - 1;
                for (BundleWithLeaves bundle : page) {
                    check(bundle, last, findings);
                }
                if ((expectedSeq - 1) / PROGRESS_EVERY != previous / PROGRESS_EVERY) {
                    progress(expectedSeq - 1, last, started);
                }
            }
        }
    }

    private void progress(long checked, long last, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Ledger verification: {} of {} entries checked ({} MB/s of canonical entries)", checked, last,
                String.format("%.1f", bytes / 1e6 / seconds));
    }

    /** Checks one bundle's entries up to {@code last}, continuing from the bundle before. */
    void check(BundleWithLeaves bundle, long last, Findings findings) {
        long first = bundle.index() * TileId.WIDTH + 1;
        if (first != expectedSeq) {
            findings.badEntry(expectedSeq, "missing or out of place: found entry bundle " + bundle.index() + " next");
            expectedSeq = first;
        }
        if (bundle.leaves() == null) {
            findings.problem("the level-0 hash tile " + bundle.index() + " is missing");
        }
        byte[] data = bundle.data();
        int at = 0;
        for (int i = 0; expectedSeq <= last && i < TileId.WIDTH && at < data.length; i++) {
            int length;
            try {
                length = EntryBundle.length(data, at);
                EntryBundle.next(data, at);
            } catch (IllegalArgumentException e) {
                findings.badEntry(expectedSeq, "its entry bundle " + bundle.index() + " is truncated");
                return;
            }
            check(data, at + 2, length, bundle.leaves(), i, findings);
            at += 2 + length;
        }
        long stops = Math.min(last + 1, first + TileId.WIDTH);
        if (expectedSeq < stops) {
            findings.badEntry(expectedSeq, "missing: entry bundle " + bundle.index() + " ends before it");
            expectedSeq = stops;
        }
    }

    // One entry: the chain link, its leaf against the stored tile, and the fields the chain needs.
    private void check(byte[] data, int from, int length, byte[] tile, int position, Findings findings) {
        long seq = expectedSeq++;
        bytes += length;
        leafDigest.update((byte) 0x00);
        leafDigest.update(data, from, length);
        byte[] leaf = digest(leafDigest).clone();
        boolean altered = tile != null && (tile.length < (position + 1) * MerkleHash.SIZE
                || !Arrays.equals(leaf, 0, MerkleHash.SIZE, tile, position * MerkleHash.SIZE,
                (position + 1) * MerkleHash.SIZE));
        String problem = altered ? "its bytes do not hash to its leaf in the level-0 hash tile (entry altered)" : null;
        try {
            LedgerEntry entry = CanonicalEntryDecoder.decode(data, from, length, seq);
            if (!linkReported && !isHexOf(lastDigest, entry.prevHash())) {
                problem = and(problem, "its previous-hash link does not name the entry before it (chain broken)");
            }
        } catch (EntryDecodeException e) {
            problem = and(problem, "its stored bytes do not form a canonical entry (" + e.getMessage() + ")");
        }
        if (problem != null) {
            findings.badEntry(seq, problem);
        }
        // an entry reported altered is not reported again through the next entry's link
        linkReported = altered;
        entryDigest.update(data, from, length);
        lastDigest = digest(entryDigest).clone();
        tree.append(leaf);
        rootIfCheckpoint();
    }

    private static String and(String first, String second) {
        return first == null ? second : first + "; " + second;
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

    /** Whether {@code text} is the lower-case hex of {@code hash} (the genesis hash when there is none). */
    private static boolean isHexOf(byte[] hash, String text) {
        if (hash == null) {
            return LedgerEntry.GENESIS_HASH.equals(text);
        }
        if (text == null || text.length() != 2 * hash.length) {
            return false;
        }
        for (int i = 0; i < hash.length; i++) {
            if (text.charAt(2 * i) != HEX[(hash[i] >> 4) & 0xF] || text.charAt(2 * i + 1) != HEX[hash[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    private static List<BundleWithLeaves> page(GraphDatabase db, long fromBundle, long bundles) {
        return db.read(tx -> TileStore.bundles(tx, fromBundle, bundles - 1, BUNDLES_PER_PAGE));
    }
}
