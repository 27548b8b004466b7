package org.batchledger.lineage.ledger.checkpoint;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.Verification;
import org.batchledger.lineage.store.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the checkpoint log and the {@code (:Checkpoint)} nodes back together at start, after a crash between
 * the two writes of a signing (or a database that predates the log):
 * <ul>
 *   <li>the newest kept checkpoint missing from the database is stored, once its tree is proven consistent with
 *       the head (a crash can lose only the newest; older ones missing were deleted, and are reported);</li>
 *   <li>database checkpoints newer than the last kept one are appended to the log, each only if signed by the hub
 *       and proven consistent with the one before it;</li>
 *   <li>anything else (same size with another note, a bad signature, no consistency) is reported and left as it
 *       is for an operator: never fixed silently.</li>
 * </ul>
 * Nothing is signed here.
 */
public final class CheckpointReconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointReconciliation.class);
    private static final HexFormat HEX = HexFormat.of();

    private final GraphDatabase db;
    private final CheckpointLog log;
    private final NoteVerifier hubKey;
    private final CheckpointStore store;
    private final Consistency consistency;

    /** What reconciliation did and what it found but left alone. */
    public record Outcome(List<Long> stored, List<Long> appended, List<String> problems) {
    }

    CheckpointReconciliation(GraphDatabase db, CheckpointLog log, NoteVerifier hubKey, CheckpointStore store,
                             Consistency consistency) {
        this.db = db;
        this.log = log;
        this.hubKey = hubKey;
        this.store = store;
        this.consistency = consistency;
    }

    Outcome run(KeptCheckpoints kept) {
        List<Long> storedNow = new ArrayList<>();
        List<Long> appended = new ArrayList<>();
        List<String> problems = new ArrayList<>(kept.problems());
        if (!problems.isEmpty()) {
            return report(new Outcome(storedNow, appended, problems));
        }
        if (kept.tornBytes() > 0) {
            LOG.warn("The checkpoint log {} ends in {} bytes of a record cut short by a crash; that note was never "
                    + "kept or given out, and the next signature replaces it", log.file(), kept.tornBytes());
        }
        LedgerHead head = db.read(LedgerHead::read);
        List<StoredCheckpoint> inDatabase = store.all();
        long lastKept = kept.last().map(KeptCheckpoints.Kept::treeSize).orElse(-1L);
        compareKept(kept, inDatabase, lastKept, problems);
        storeNewestKept(kept, head, inDatabase, storedNow, problems);
        appendNewerStored(kept, inDatabase, lastKept, appended, problems);
        return report(new Outcome(List.copyOf(storedNow), List.copyOf(appended), List.copyOf(problems)));
    }

    /** Appends the stored checkpoints newer than the last kept one that prove out (see {@link Checkpoints#adoptStored}). */
    List<Long> adopt(KeptCheckpoints kept, List<StoredCheckpoint> newer) {
        List<Long> appended = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        appendNewerStored(kept, newer, kept.last().map(KeptCheckpoints.Kept::treeSize).orElse(-1L), appended, problems);
        problems.forEach(p -> LOG.warn("Checkpoint not adopted: {}", p));
        return appended;
    }

    // Up to the last kept size, the database must hold the kept notes and nothing else.
    private static void compareKept(KeptCheckpoints kept, List<StoredCheckpoint> inDatabase, long lastKept,
                                    List<String> problems) {
        for (StoredCheckpoint stored : inDatabase) {
            if (stored.treeSize() > lastKept) {
                continue;
            }
            Optional<KeptCheckpoints.Kept> same = kept.at(stored.treeSize());
            if (same.isEmpty()) {
                problems.add("stored checkpoint " + stored.treeSize() + " is not in the checkpoint log");
            } else if (!same.get().note().equals(stored.note())) {
                problems.add("stored checkpoint " + stored.treeSize() + " differs from the kept one (altered)");
            }
        }
        List<Long> missing = kept.checkpoints().stream().map(KeptCheckpoints.Kept::treeSize)
                .filter(size -> size != lastKept && inDatabase.stream().noneMatch(s -> s.treeSize() == size))
                .toList();
        if (!missing.isEmpty()) {
            problems.add("kept checkpoints missing from the database (deleted): sizes " + missing);
        }
    }

    private void storeNewestKept(KeptCheckpoints kept, LedgerHead head, List<StoredCheckpoint> inDatabase,
                                 List<Long> storedNow, List<String> problems) {
        Optional<KeptCheckpoints.Kept> last = kept.last();
        if (last.isEmpty() || inDatabase.stream().anyMatch(s -> s.treeSize() == last.get().treeSize())) {
            return;
        }
        Checkpoint c = last.get().checkpoint();
        Verification proven = consistency.check(c.treeSize(), c.rootHash(), head.treeSize(), HEX.parseHex(head.root()));
        if (!proven.ok()) {
            problems.add("kept checkpoint " + c.treeSize() + " is missing from the database and not consistent with "
                    + "its head (size " + head.treeSize() + "): " + proven.reason());
            return;
        }
        store.store(last.get());
        storedNow.add(c.treeSize());
    }

    private void appendNewerStored(KeptCheckpoints kept, List<StoredCheckpoint> inDatabase, long lastKept,
                                   List<Long> appended, List<String> problems) {
        Optional<Checkpoint> previous = kept.last().map(KeptCheckpoints.Kept::checkpoint);
        long validLength = kept.validLength();
        for (StoredCheckpoint stored : inDatabase) {
            if (stored.treeSize() <= lastKept) {
                continue;
            }
            Checked<Checkpoint> signed = hubKey.verifyCheckpoint(stored.note());
            Verification proven = !signed.ok() ? Verification.failure(signed.reason())
                    : signed.value().treeSize() != stored.treeSize()
                    ? Verification.failure("its note signs size " + signed.value().treeSize())
                    : consistentWith(previous, signed.value());
            if (!proven.ok()) {
                problems.add("stored checkpoint " + stored.treeSize() + " is newer than the checkpoint log and was "
                        + "not kept: " + proven.reason());
                return; // later ones cannot be proven from a checkpoint that was not kept
            }
            log.append(stored.note(), validLength);
            validLength = log.read().validLength();
            appended.add(stored.treeSize());
            previous = Optional.of(signed.value());
        }
    }

    private Verification consistentWith(Optional<Checkpoint> previous, Checkpoint next) {
        long size = previous.map(Checkpoint::treeSize).orElse(0L);
        byte[] root = previous.map(Checkpoint::rootHash)
                .orElse(org.batchledger.verifier.proof.MerkleHash.emptyRoot());
        return consistency.check(size, root, next.treeSize(), next.rootHash());
    }

    private Outcome report(Outcome outcome) {
        if (!outcome.stored().isEmpty() || !outcome.appended().isEmpty()) {
            LOG.warn("Checkpoint reconciliation after an interrupted signing: stored the kept checkpoint(s) {} in the "
                    + "database, kept the database checkpoint(s) {} in {}", outcome.stored(), outcome.appended(),
                    log.file());
        }
        outcome.problems().forEach(p -> LOG.error("Checkpoint reconciliation: {} (left for an operator)", p));
        return outcome;
    }
}
