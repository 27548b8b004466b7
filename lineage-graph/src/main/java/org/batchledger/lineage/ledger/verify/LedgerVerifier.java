package org.batchledger.lineage.ledger.verify;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.MerkleStore;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.verifier.proof.Cosignature;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.proof.ProofNodes;
import org.batchledger.lineage.ledger.proof.SubtreeHashes;
import org.batchledger.lineage.store.BookmarkScope;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.store.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the whole ledger and graph from what is stored, up to the head as it is when verification starts
 * (appends that commit meanwhile are left for the next run). Memory stays bounded: entries and records are read
 * in pages. A caller may add a checkpoint note it kept from earlier ({@code trustedNote}); the ledger must still
 * contain the tree it signs.
 */
public final class LedgerVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerVerifier.class);
    private static final String CHECKPOINTS = "MATCH (c:Checkpoint) RETURN c.treeSize AS size, c.note AS note";

    private final GraphDatabase db;
    private final CheckpointCheck checkpoints;
    private final KeptCheckpointCheck kept;
    private final EntrySource entries;
    private final int pageSize;
    private WitnessQuorumCheck witnessQuorum = new WitnessQuorumCheck(List.of(), 0);
    private Runnable adoptKept = () -> { };

    public LedgerVerifier(GraphDatabase db, NoteVerifier hubKey) {
        this(db, hubKey, null);
    }

    /** Also checks the ledger and the stored checkpoints against the hub's checkpoint log ({@code kept}). */
    public LedgerVerifier(GraphDatabase db, NoteVerifier hubKey, CheckpointLog kept) {
        this(db, hubKey, kept, new BundleEntrySource(db), ChainCheck.PAGE);
    }

    /** Verifies with the entries read from {@code entries}, {@code pageSize} at a time, in the graph's replay. */
    public LedgerVerifier(GraphDatabase db, NoteVerifier hubKey, CheckpointLog kept, EntrySource entries,
                          int pageSize) {
        this.db = db;
        this.checkpoints = new CheckpointCheck(hubKey);
        this.kept = kept == null ? null : new KeptCheckpointCheck(kept, hubKey);
        this.entries = entries;
        this.pageSize = pageSize;
    }

    /**
     * Also requires the newest stored checkpoint to carry valid cosignatures of {@code required} of the distinct
     * {@code witnesses}; a shortfall is a problem naming each missing witness and why.
     */
    public LedgerVerifier requiringCosignatures(List<Cosignature.Witness> witnesses, int required) {
        this.witnessQuorum = new WitnessQuorumCheck(witnesses, required);
        return this;
    }

    /**
     * Runs {@code adopt} after the stored checkpoints are read and before they are compared with the checkpoint log:
     * with several hubs on one database, it brings into this hub's log what the others signed (see
     * {@code Checkpoints.adoptStored}), so their checkpoints are not taken for ones no hub kept.
     */
    public LedgerVerifier adoptingFirst(Runnable adopt) {
        this.adoptKept = adopt;
        return this;
    }

    public LedgerReport verify(String trustedNote) {
        long started = System.nanoTime();
        Findings findings = new Findings();
        var headRead = db.readNotingBookmarks(LedgerHead::read);
        // every page read after the head waits for it, so a lagging replica cannot report entries as missing
        Bookmarks outer = BookmarkScope.current();
        BookmarkScope.set(outer.and(headRead.bookmarks()));
        try {
            return verify(trustedNote, headRead.result(), findings, started);
        } finally {
            BookmarkScope.set(outer);
        }
    }

    private LedgerReport verify(String trustedNote, LedgerHead head, Findings findings, long started) {
        Map<String, String> notes = notes(trustedNote, findings);
        Set<Long> sizes = new HashSet<>();
        notes.forEach((what, note) -> sizes.add(checkpoints.size(what, note, findings)));
        ChainCheck chain = new ChainCheck(sizes);
        chain.run(db, head.seq(), findings);
        notes.forEach((what, note) -> checkpoints.check(what, note, chain.rootsAt, chain.tree.size(), findings));
        checkHead(head, chain, findings);
        witnessQuorum.check(db, findings);
        long chainMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Ledger verification: chain and tree of {} entries checked after {} ms", chain.tree.size(),
                chainMillis);
        GraphReplay records = new GraphReplay(db, entries, pageSize);
        records.run(head.seq(), findings);
        StoreCounts.compare(db, records.expected, head.seq(), findings, entries, pageSize);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Ledger verification of {} entries and {} records: {} in {} ms", chain.tree.size(), records.checked,
                findings.clean() ? "ok" : "FAILED", millis);
        return new LedgerReport(findings.clean(), chain.tree.size(), chain.bytes, records.checked, notes.size(),
                chain.tree.size(), HexFormat.of().formatHex(chain.tree.root()), findings.firstBadEntry,
                findings.badEntries, List.copyOf(findings.problems), List.copyOf(findings.mismatches),
                findings.mismatchCount, millis, chainMillis);
    }

    private Map<String, String> notes(String trustedNote, Findings findings) {
        Map<String, String> notes = new java.util.LinkedHashMap<>();
        Map<Long, String> stored = new java.util.TreeMap<>();
        db.read(tx -> tx.run(CHECKPOINTS, Map.of()).list()).forEach(r ->
                stored.put(r.get("size").asLong(), r.get("note").asString()));
        stored.forEach((size, note) -> notes.put("stored checkpoint " + size, note));
        if (kept != null) {
            adoptKept.run();
            notes.putAll(kept.check(stored, findings));
        }
        if (trustedNote != null && !trustedNote.isBlank()) {
            notes.put("the checkpoint supplied", trustedNote);
        }
        return notes;
    }

    private void checkHead(LedgerHead head, ChainCheck chain, Findings findings) {
        String root = HexFormat.of().formatHex(chain.tree.root());
        if (head.treeSize() != chain.tree.size() || !head.root().equals(root)) {
            findings.problem("the head says " + head.treeSize() + " entries with root " + head.root()
                    + "; the entries give " + chain.tree.size() + " with root " + root);
        }
        if (!head.hash().equals(chain.lastHash())) {
            findings.problem("the head's hash is not the last entry's hash");
        }
        String stored = db.read(tx -> {
            var nodes = MerkleStore.fetch(tx, ProofNodes.forRoot(head.treeSize()));
            try {
                return head.treeSize() == 0 ? root
                        : HexFormat.of().formatHex(SubtreeHashes.fromNodes(nodes::get).hash(0, head.treeSize()));
            } catch (IllegalStateException e) {
                return "missing";
            }
        });
        if (!stored.equals(root)) {
            findings.problem("the stored hash tiles give root " + stored + ", the entries " + root);
        }
    }
}
