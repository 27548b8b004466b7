package org.batchledger.lineage.write;

import java.util.Optional;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.ledger.LedgerAppender.Head;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.GraphDatabase.Written;

/**
 * The one ledgered unit of work: the only code that opens a write transaction for ledgered changes (an ArchUnit
 * rule holds that). In one managed transaction it looks the idempotency key up (same key, same request hash: the
 * original result; other hash: {@link IdempotencyConflictException}), locks the ledger head, lets the command
 * validate and plan, assigns the sequence numbers, lets the command write, appends the entries and returns the
 * receipt with the bookmark to read it back. The managed transaction may run twice on a transient error; the key
 * makes that harmless.
 */
public final class LedgeredWrite {
    private final GraphDatabase db;
    private final LedgerAppender ledger;

    public LedgeredWrite(GraphDatabase db, LedgerAppender ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /** What a command did: its result, the ledger range it appended, and the bookmark to read it after. */
    public record Receipt<R>(R result, Commit commit, Bookmarks bookmarks) {
    }

    public <R> Receipt<R> run(LedgeredCommand<R> command) {
        Written<Outcome<R>> written = db.write(tx -> inTx(tx, command));
        return new Receipt<>(written.result().result(), written.result().commit(), written.bookmarks());
    }

    private <R> Outcome<R> inTx(Tx tx, LedgeredCommand<R> command) {
        Optional<Outcome<R>> replayed = replay(tx, command);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Head head = ledger.lockHead(tx);
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
}
