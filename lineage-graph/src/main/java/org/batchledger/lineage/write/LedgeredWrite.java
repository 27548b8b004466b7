package org.batchledger.lineage.write;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.batchledger.lineage.ledger.IngestLease;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.ledger.LedgerAppender.Head;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.GraphDatabase.Written;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ledgered unit of work: the only code that opens a write transaction for ledgered changes (an ArchUnit
 * rule holds that). In one managed transaction it looks the idempotency key up (same key, same request hash: the
 * original result; other hash: {@link IdempotencyConflictException}), locks the ledger head, lets the command
 * validate and plan, assigns the sequence numbers, lets the command write, appends the entries and returns the
 * receipt with the bookmark to read it back. The managed transaction may run twice on a transient error; the key
 * makes that harmless.
 *
 * <p>A large file is written in chunks under an ingest lease on the head ({@link #begin}, {@link #stage},
 * {@link #publish}): each chunk is a transaction of its own whose records are staged (invisible to reads) and
 * whose entries lie beyond the head; the last transaction publishes them all at once. While a lease is held every
 * other write waits for it, up to {@code busyWait}, then fails with {@link LedgerBusyException}. A lease whose owner
 * stopped renewing it for {@code leaseTtl} is recovered (its staged records and entries removed) by the next writer.
 */
public final class LedgeredWrite {
    private static final Logger LOG = LoggerFactory.getLogger(LedgeredWrite.class);
    private static final String RUN = UUID.randomUUID().toString();
    private static final long POLL_MILLIS = 100;
    private final GraphDatabase db;
    private final LedgerAppender ledger;
    private final Clock clock;
    private final Duration busyWait;
    private final Duration leaseTtl;
    private final String owner;

    public LedgeredWrite(GraphDatabase db, LedgerAppender ledger) {
        this(db, ledger, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofMinutes(5), defaultInstance());
    }

    /**
     * @param busyWait how long a write waits for another's ingest lease before {@link LedgerBusyException}
     * @param leaseTtl how long a lease outlives its owner's last renewal (each chunk renews it)
     * @param instance this hub instance's name: at its start, a lease an earlier run of it held is recovered at once
     */
    public LedgeredWrite(GraphDatabase db, LedgerAppender ledger, Clock clock, Duration busyWait, Duration leaseTtl,
                         String instance) {
        this.db = db;
        this.ledger = ledger;
        this.clock = clock;
        this.busyWait = busyWait;
        this.leaseTtl = leaseTtl;
        this.owner = instance + "/" + RUN;
    }

    /**
     * {@code HOSTNAME}, else the host's own name: a service manager (systemd) does not export {@code HOSTNAME}, and
     * two hubs on different hosts both named "localhost" would each recover the other's live lease at start.
     */
    static String defaultInstance() {
        return instanceName(System.getenv("HOSTNAME"));
    }

    static String instanceName(String host) {
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** What a command did: its result, the ledger range it appended, and the bookmark to read it after. */
    public record Receipt<R>(R result, Commit commit, Bookmarks bookmarks) {
    }

    public <R> Receipt<R> run(LedgeredCommand<R> command) {
        Written<Outcome<R>> written = whenFree(() -> db.write(tx -> inTx(tx, command)));
        return new Receipt<>(written.result().result(), written.result().commit(), written.bookmarks());
    }

    private <R> Outcome<R> inTx(Tx tx, LedgeredCommand<R> command) {
        Optional<Outcome<R>> replayed = replay(tx, command);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Head head = ledger.lockHead(tx);
        requireFree(head);
        // Another transaction with the same key may have committed while this one waited for the lock.
        replayed = replay(tx, command);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        LedgeredCommand.Plan<R> plan = command.plan(tx);
        long firstSeq = head.seq() + 1;
        R result = plan.write(tx, firstSeq);
        Commit commit = ledger.append(tx, head, plan.changes(), command.header().actor(), command.header().reason(),
                command.header().idempotencyKey(), command.header().requestHash());
        if (commit.firstSeq() != firstSeq || commit.lastSeq() != head.seq() + plan.changes().size()) {
            throw new IllegalStateException("ledger appended " + commit.firstSeq() + ".." + commit.lastSeq()
                    + ", the graph was written for " + firstSeq + "; the transaction is rolled back");
        }
        return new Outcome<>(result, commit);
    }

    private <R> Optional<Outcome<R>> replay(Tx tx, LedgeredCommand<R> command) {
        return ledger.findCommit(tx, command.header().idempotencyKey()).map(done -> {
            if (!done.requestHash().equals(command.header().requestHash())) {
                throw new IdempotencyConflictException(command.header().idempotencyKey());
            }
            return new Outcome<>(command.replay(tx, done), done);
        });
    }

    private record Outcome<R>(R result, Commit commit) {
    }

    // ---- the ingest lease: chunks staged beyond the head, published at once ----

    /** A lease taken ({@code lease}), or the commit the same key already made ({@code replayed}). */
    public record Begun(IngestLease lease, Commit replayed) {
    }

    /**
     * Takes the ingest lease for {@code header}'s key, waiting for another's as any write does. A key already
     * committed answers its commit (same request hash) or {@link IdempotencyConflictException}.
     */
    public Begun begin(CommandHeader header, String file) {
        return whenFree(() -> db.write(tx -> {
            Optional<Commit> done = ledger.findCommit(tx, header.idempotencyKey());
            Head head = ledger.lockHead(tx);
            done = done.isPresent() ? done : ledger.findCommit(tx, header.idempotencyKey());
            if (done.isPresent()) {
                if (!done.get().requestHash().equals(header.requestHash())) {
                    throw new IdempotencyConflictException(header.idempotencyKey());
                }
                return new Begun(null, done.get());
            }
            requireFree(head);
            return new Begun(ledger.takeLease(tx, head, header.idempotencyKey(), file, owner), null);
        }).result());
    }

    /** A staged chunk's result and the lease after it. */
    public record Staged<R>(R result, IngestLease lease) {
    }

    /**
     * Writes one chunk in a transaction of its own: the command writes its records staged, at sequence numbers after
     * the lease's staged end, and the entries are appended there. Chunk {@code n} (1-based) is written once: a retry of
     * a chunk that committed returns the lease as it stands and a null result.
     *
     * @throws IngestLeaseLostException if the lease is no longer this one's
     */
    public <R> Staged<R> stage(IngestLease lease, int n, LedgeredCommand<R> command) {
        return db.write(tx -> {
            IngestLease now = requireLease(ledger.lockHead(tx), lease);
            if (now.chunks() >= n) {
                return new Staged<R>(null, now);
            }
            LedgeredCommand.Plan<R> plan = command.plan(tx);
            R result = plan.write(tx, now.stagedSeq() + 1);
            return new Staged<>(result, ledger.appendStaged(tx, now, plan.changes(), command.header().actor(),
                    command.header().reason()));
        }).result();
    }

    /**
     * Publishes what the lease staged in one transaction: {@code publish} makes the staged records visible (it may
     * refuse, then nothing is published and the caller recovers), the head moves to the staged end, the commit is
     * recorded under the lease's key and the lease ends.
     */
    public Receipt<Void> publish(IngestLease lease, String requestHash, Consumer<Tx> publish) {
        Written<Commit> w = db.write(tx -> {
            Head head = ledger.lockHead(tx);
            // a retry of a publish that committed (the driver did not see the outcome) finds its commit
            Optional<Commit> done = ledger.findCommit(tx, lease.key());
            if (done.isPresent() && head.lease() == null) {
                return done.get();
            }
            IngestLease now = requireLease(head, lease);
            publish.accept(tx);
            return ledger.publish(tx, now, requestHash);
        });
        return new Receipt<>(null, w.result(), w.bookmarks());
    }

    /**
     * Removes what a lease staged, in bounded transactions, and ends it: its own lease when an ingest fails, or a
     * dead owner's. Returns how many elements were removed; nothing when there is no lease to recover.
     */
    public long recover(IngestLease lease) {
        IngestLease taken = db.write(tx -> {
            IngestLease now = ledger.lockHead(tx).lease();
            if (now == null || !now.key().equals(lease.key()) || now.since() != lease.since()) {
                return null;
            }
            ledger.renewLease(tx, "recovery:" + owner);
            return now;
        }).result();
        if (taken == null) {
            return 0;
        }
        long removed = 0;
        for (StagedRecovery.Step step : StagedRecovery.steps(taken.committedSeq())) {
            long n;
            do {
                n = db.write(tx -> {
                    ledger.renewLease(tx, "recovery:" + owner);
                    return step.run(tx);
                }).result();
                removed += n;
            } while (n > 0 && step.repeats());
        }
        db.write(tx -> {
            ledger.lockHead(tx);
            ledger.endLease(tx);
            return null;
        });
        LOG.warn("recovered the ingest lease of {} (owner {}, since {}): removed {} staged elements and the entries "
                        + "{}..{} beyond the ledger's head {}", taken.file(), taken.owner(), taken.sinceInstant(), removed,
                taken.committedSeq() + 1, taken.stagedSeq(), taken.committedSeq());
        return removed;
    }

    /**
     * Removes the staging marks that published files left ({@link StagedTidy}), one bounded transaction per window
     * of entries, each under the head lock; returns how many. Nothing to do answers 0 after one small read.
     */
    public long tidy() {
        if (!db.read(StagedTidy::owed)) {
            return 0;
        }
        long removed = 0;
        while (true) {
            long n = db.write(tx -> {
                ledger.lockHead(tx);
                return StagedTidy.step(tx);
            }).result();
            if (n < 0) {
                return removed;
            }
            removed += n;
        }
    }

    /**
     * At start: recovers a lease an earlier run of this instance left (that process is gone) or one whose owner
     * stopped renewing it; a live lease of another instance is left alone. Returns the lease recovered, if any.
     */
    public Optional<IngestLease> recoverAtStart() {
        // a publish committed whose marks were not all removed (the process died after it): finish that first
        tidy();
        IngestLease lease = db.read(tx -> StagedRecovery.lease(tx));
        if (lease == null || !(lease.ownedByInstance(owner.substring(0, owner.lastIndexOf('/')))
                && !lease.owner().equals(owner) || lease.expired(clock.instant(), leaseTtl))) {
            return Optional.empty();
        }
        recover(lease);
        return Optional.of(lease);
    }

    private IngestLease requireLease(Head head, IngestLease mine) {
        IngestLease now = head.lease();
        if (now == null || !now.key().equals(mine.key()) || !now.owner().equals(owner)) {
            throw new IngestLeaseLostException(mine.file(), now == null ? null : now.owner());
        }
        return now;
    }

    private void requireFree(Head head) {
        if (head.lease() != null) {
            throw new Busy(head.lease());
        }
    }

    // Waits while another's lease holds the head; recovers one whose owner is gone; then fails typed.
    private <T> T whenFree(java.util.function.Supplier<T> write) {
        long deadline = System.nanoTime() + busyWait.toNanos();
        while (true) {
            try {
                return write.get();
            } catch (Busy busy) {
                IngestLease lease = busy.lease;
                if (lease.expired(clock.instant(), leaseTtl)) {
                    recover(lease);
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new LedgerBusyException(lease.file(), lease.sinceInstant(), lease.owner());
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ledger was busy", e);
        }
    }

    /** Thrown inside a transaction (rolling it back) when another's lease holds the head. */
    private static final class Busy extends RuntimeException {
        final transient IngestLease lease;

        Busy(IngestLease lease) {
            super(null, null, false, false);
            this.lease = lease;
        }
    }
}
