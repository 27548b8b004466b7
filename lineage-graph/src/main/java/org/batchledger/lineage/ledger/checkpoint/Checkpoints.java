package org.batchledger.lineage.ledger.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.Verification;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.CanonicalJson;

/**
 * Signs, keeps and stores checkpoints. {@link #latest()} signs a fresh one whenever the head has moved since the
 * last, so a reader always gets a checkpoint covering every committed entry, but only after proving the head's
 * tree consistent with the last checkpoint the hub kept in its {@link CheckpointLog}: a rewritten or truncated
 * history is refused with {@link LedgerInconsistentException} and nothing is signed.
 *
 * <p>Order of the steps: sign, append to the log (fsynced), store in the database. A crash after the log and
 * before the database leaves a kept note the next start stores ({@link CheckpointReconciliation}). Origin and key
 * name are the same text, as C2SP recommends.
 */
public final class Checkpoints {
    private static final HexFormat HEX = HexFormat.of();

    private final GraphDatabase db;
    private final NoteSigner signer;
    private final NoteVerifier hubKey;
    private final CheckpointLog log;
    private final CheckpointStore store;
    private final Consistency consistency;
    private final Clock clock;
    private final Object signing = new Object();
    private KeptCheckpoints cached;
    private long cachedFileSize = -1;
    private boolean reconciled;
    private boolean signingLock;
    private final List<Consumer<StoredCheckpoint>> signedListeners = new CopyOnWriteArrayList<>();
    /** Test hook: simulates a crash between two steps of signing. */
    CrashPoint crashPoint = step -> { };

    enum Step { SIGNED, KEPT }

    interface CrashPoint {
        void reached(Step step);
    }

    public Checkpoints(GraphDatabase db, NoteSigner signer, CheckpointLog log, Clock clock) {
        this.db = db;
        this.signer = signer;
        this.hubKey = NoteVerifier.of(signer.verifierKey());
        this.log = log;
        this.store = new CheckpointStore(db, signer.verifierKey());
        this.consistency = new Consistency(new LedgerProofs(db));
        this.clock = clock;
    }

    /** The verifier key inspectors use: {@code <origin>+<key id>+<base64 public key>}. */
    public String verifierKey() {
        return signer.verifierKey();
    }

    /**
     * Calls {@code listener} with each checkpoint signed from now on, once it is kept and stored, on the signing
     * thread and while signing is locked: it must only hand the checkpoint on (witnesses are asked elsewhere).
     */
    public void onSigned(Consumer<StoredCheckpoint> listener) {
        signedListeners.add(listener);
    }

    /** The stored checkpoint with the largest size, with its cosignatures; empty before the first signing. */
    public Optional<StoredCheckpoint> newestStored() {
        return store.newest();
    }

    /** Every stored checkpoint with its cosignatures, smallest first. */
    public List<StoredCheckpoint> allStored() {
        return store.all();
    }

    CheckpointStore store() {
        return store;
    }

    /**
     * The checkpoint of the current head, signing one if the last kept one is older. Hubs sharing the database sign
     * one at a time (a lock in the database, held by the signing transaction), and each first adopts the checkpoints
     * the others signed since its last ({@link #adoptStored()}), so the ledger has one checkpoint per size and every
     * hub's log holds them all.
     */
    public StoredCheckpoint latest() {
        synchronized (signing) {
            if (!reconciled) {
                reconcile(); // at start, normally; here if the database was unreachable then
            }
            boolean[] signed = {false};
            StoredCheckpoint latest = underSigningLock(tx -> {
                adopt(tx);
                KeptCheckpoints kept = kept();
                LedgerHead head = LedgerHead.read(tx);
                CheckpointStatus status = status(kept, head);
                if (!status.consistent()) {
                    throw LedgerInconsistentException.with(status);
                }
                if (kept.last().isPresent() && kept.last().get().treeSize() == head.treeSize()) {
                    return store.ensureStored(tx, kept.last().get()); // stored, or lost to a crash before the database
                }
                signed[0] = true;
                return sign(tx, head, kept);
            });
            if (signed[0]) {
                signedListeners.forEach(listener -> listener.accept(latest));
            }
            return latest;
        }
    }

    /**
     * Appends to this hub's log the checkpoints other hubs on the same database signed after its last kept one, each
     * only if signed with the hub key and proven consistent with the one before (as {@link CheckpointReconciliation}
     * does at start); one that is not is left for verification to report. Ledger verification calls this before it
     * compares the stored checkpoints with the log.
     */
    public void adoptStored() {
        synchronized (signing) {
            underSigningLock(tx -> {
                adopt(tx);
                return null;
            });
        }
    }

    // One write transaction holding the signing lock; the lock's node is made first if it is not there.
    private <T> T underSigningLock(java.util.function.Function<Tx, T> work) {
        for (int attempt = 0; ; attempt++) {
            if (!signingLock) {
                store.createSigningLock();
                signingLock = true;
            }
            try {
                return db.write(tx -> {
                    store.lockSigning(tx);
                    return work.apply(tx);
                }).result();
            } catch (CheckpointStore.NoSigningLock e) {
                signingLock = false; // the database was wiped under this hub (tests do): made again
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private void adopt(Tx tx) {
        KeptCheckpoints kept = kept();
        if (!kept.problems().isEmpty()) {
            return;
        }
        List<StoredCheckpoint> newer = store.newerThan(tx, kept.last().map(KeptCheckpoints.Kept::treeSize).orElse(-1L));
        if (!newer.isEmpty()) {
            new CheckpointReconciliation(db, log, hubKey, store, consistency).adopt(kept, newer);
            cachedFileSize = -1;
        }
    }

    /** The database's head against the last kept checkpoint (readiness asks this). */
    public CheckpointStatus status() {
        synchronized (signing) {
            return status(kept(), db.read(LedgerHead::read));
        }
    }

    /** Every stored checkpoint, smallest first. */
    public List<StoredCheckpoint> all(Tx tx) {
        return store.all(tx);
    }

    /** Reconciles the log and the database after a start; see {@link CheckpointReconciliation}. */
    public CheckpointReconciliation.Outcome reconcile() {
        synchronized (signing) {
            CheckpointReconciliation.Outcome outcome =
                    new CheckpointReconciliation(db, log, hubKey, store, consistency).run(kept());
            cachedFileSize = -1;
            reconciled = true;
            return outcome;
        }
    }

    private StoredCheckpoint sign(Tx tx, LedgerHead head, KeptCheckpoints kept) {
        Instant now = Instant.parse(CanonicalJson.formatInstant(clock.instant()));
        Checkpoint checkpoint = Checkpoint.at(signer.keyName(), head.treeSize(), HEX.parseHex(head.root()), now);
        KeptCheckpoints.Kept note = new KeptCheckpoints.Kept(checkpoint, signer.sign(checkpoint));
        crashPoint.reached(Step.SIGNED);
        log.append(note.note(), kept.validLength());
        cachedFileSize = -1;
        crashPoint.reached(Step.KEPT);
        return store.store(tx, note);
    }

    private CheckpointStatus status(KeptCheckpoints kept, LedgerHead head) {
        if (!kept.problems().isEmpty()) {
            return new CheckpointStatus(false, kept.last().map(KeptCheckpoints.Kept::treeSize).orElse(-1L), null,
                    head.treeSize(), head.root(), String.join("; ", kept.problems()));
        }
        long keptSize = kept.last().map(KeptCheckpoints.Kept::treeSize).orElse(0L);
        byte[] keptRoot = kept.last().map(k -> k.checkpoint().rootHash()).orElse(MerkleHash.emptyRoot());
        Verification proven = isHash(head.root())
                ? consistency.check(keptSize, keptRoot, head.treeSize(), HEX.parseHex(head.root()))
                : Verification.failure("the head's root is not a hash");
        String sizes = "the database head (size " + head.treeSize() + ", root " + head.root() + ") and the last kept "
                + "checkpoint (size " + keptSize + ", root " + HEX.formatHex(keptRoot) + ")";
        return new CheckpointStatus(proven.ok(), kept.last().isPresent() ? keptSize : -1, HEX.formatHex(keptRoot),
                head.treeSize(), head.root(), proven.ok() ? sizes + " are consistent"
                        : sizes + " are inconsistent: " + proven.reason());
    }

    private static boolean isHash(String hex) {
        try {
            return HEX.parseHex(hex).length == MerkleHash.SIZE;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The log, read again only when its file has changed size (it only grows, unless someone replaced it). */
    private KeptCheckpoints kept() {
        long size;
        try {
            size = Files.exists(log.file()) ? Files.size(log.file()) : 0;
        } catch (IOException e) {
            size = -2;
        }
        if (cached == null || size != cachedFileSize || size < 0) {
            cached = KeptCheckpoints.read(log, hubKey);
            cachedFileSize = size;
        }
        return cached;
    }
}
