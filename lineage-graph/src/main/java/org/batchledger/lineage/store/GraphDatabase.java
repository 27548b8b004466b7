package org.batchledger.lineage.store;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The one door to Neo4j. Reads run in READ access mode ({@code executeRead}, routable to secondaries), writes in
 * managed write transactions ({@code executeWrite}, the leader), which the driver retries on transient errors —
 * so every write function must be safe to run twice (the ledger's idempotency key sees to that). Every session
 * waits for the bookmarks of the current {@link BookmarkScope} (a client's read-your-writes), plus any given per
 * call. The one exception to managed transactions is {@link #runInBatches}, for migrations.
 */
public final class GraphDatabase {
    private final Driver driver;
    private final String database;
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong roundTripsAfterBookmarks = new AtomicLong();
    static final int MAX_BOOKMARK_WAITS = 8;
    private final Semaphore bookmarkWaits = new Semaphore(MAX_BOOKMARK_WAITS);

    public GraphDatabase(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    public <T> T read(Function<Tx, T> work) {
        return read(work, Bookmarks.none());
    }

    /** A read that sees at least the writes the bookmarks name (read-your-writes on any replica). */
    public <T> T read(Function<Tx, T> work, Bookmarks after) {
        Bookmarks all = after.and(BookmarkScope.current());
        try (Session session = driver.session(config(all))) {
            return session.executeRead(tx -> work.apply(new Tx(tx, counter(all))));
        }
    }

    /**
     * A read that also returns the bookmark of what it saw, so later reads — on any replica — see at least that
     * (a long check that reads a head first and pages after it).
     */
    public <T> Written<T> readNotingBookmarks(Function<Tx, T> work) {
        Bookmarks after = BookmarkScope.current();
        try (Session session = driver.session(config(after))) {
            T result = session.executeRead(tx -> work.apply(new Tx(tx, counter(after))));
            return new Written<>(result, Bookmarks.of(session.lastBookmarks()));
        }
    }

    /**
     * A read the server aborts after {@code timeout} (a request deadline): it then throws
     * {@link #isTimeout(RuntimeException) a timeout}, which is final, not retried.
     */
    public <T> T read(Function<Tx, T> work, java.time.Duration timeout) {
        var config = org.neo4j.driver.TransactionConfig.builder()
                .withTimeout(timeout.compareTo(java.time.Duration.ofMillis(1)) < 0 ? java.time.Duration.ofMillis(1) : timeout)
                .build();
        Bookmarks after = BookmarkScope.current();
        try (Session session = driver.session(config(after))) {
            return session.executeRead(tx -> work.apply(new Tx(tx, counter(after))), config);
        }
    }

    /** Whether a failure is the server ending a transaction at its timeout. */
    public static boolean isTimeout(RuntimeException e) {
        return e instanceof org.neo4j.driver.exceptions.Neo4jException n && n.code() != null
                && (n.code().contains("TransactionTimedOut") || n.code().contains("Transaction.Terminated"));
    }

    /** A write in one managed transaction; returns its result and the bookmark a client can read after. */
    public <T> Written<T> write(Function<Tx, T> work) {
        Bookmarks after = BookmarkScope.current();
        try (Session session = driver.session(config(after))) {
            T result = session.executeWrite(tx -> work.apply(new Tx(tx, counter(after))));
            return new Written<>(result, Bookmarks.of(session.lastBookmarks()));
        }
    }

    /**
     * Waits until the database this hub reads from has applied the writes the bookmarks name, and refuses
     * bookmarks it does not know ({@link InvalidBookmarkException}) — so a bad token fails once, up front. The wait
     * is one unmanaged transaction, never retried, bounded by the server's bookmark timeout (the embedded server's
     * is {@code db.transaction.bookmark_ready_timeout}, 5 s); at most {@value #MAX_BOOKMARK_WAITS} requests wait at
     * once, so forged bookmarks (a real one with its transaction id raised) cannot hold the driver pool or the web
     * threads: the next one is refused at once.
     */
    public void awaitBookmarks(Bookmarks bookmarks) {
        if (bookmarks.isEmpty()) {
            return;
        }
        if (!bookmarkWaits.tryAcquire()) {
            throw new InvalidBookmarkException(bookmarks.tokens(), "cannot be waited for now: "
                    + MAX_BOOKMARK_WAITS + " requests are already waiting for bookmarks; retry shortly");
        }
        try (Session session = driver.session(config(bookmarks));
             Transaction tx = session.beginTransaction()) {
            roundTrips.incrementAndGet();
            roundTripsAfterBookmarks.incrementAndGet();
            tx.run("RETURN 1").consume();
            tx.commit();
        } catch (ClientException e) {
            if (e.code() != null && e.code().startsWith("Neo.ClientError.Transaction.InvalidBookmark")) {
                throw new InvalidBookmarkException(bookmarks.tokens(), "is not a bookmark of this database");
            }
            throw e;
        } catch (TransientException e) {
            if (e.code() != null && e.code().contains("BookmarkTimeout")) {
                throw new InvalidBookmarkException(bookmarks.tokens(), "names writes this database has not applied"
                        + " within its bookmark timeout (a forged bookmark, or a replica far behind: retry later)");
            }
            throw e;
        } finally {
            bookmarkWaits.release();
        }
    }

    /**
     * A statement that commits in batches of its own ({@code CALL {...} IN TRANSACTIONS}), which Neo4j runs only
     * in an implicit (auto-commit) transaction, on the leader. Only {@link Migrations} uses it (an ArchUnit test
     * holds that): the driver does not retry it, and a failure keeps the batches committed before it, so the
     * statement must be idempotent and its migration recorded only after it succeeded.
     */
    void runInBatches(String cypher, Map<String, Object> parameters) {
        if (!cypher.contains("IN TRANSACTIONS")) {
            throw new IllegalArgumentException("not a batched statement (CALL {...} IN TRANSACTIONS): " + cypher);
        }
        try (Session session = driver.session(config(Bookmarks.none()))) {
            roundTrips.incrementAndGet();
            session.run(cypher, parameters).consume();
        }
    }

    /** Queries sent so far; tests use it to prove list fields are batched, not one query per parent. */
    public long roundTrips() {
        return roundTrips.get();
    }

    /** Queries sent so far in transactions that waited for bookmarks; tests use it to prove a request's do. */
    public long roundTripsAfterBookmarks() {
        return roundTripsAfterBookmarks.get();
    }

    public Driver driver() {
        return driver;
    }

    private AtomicLong[] counter(Bookmarks after) {
        return after.isEmpty() ? new AtomicLong[] {roundTrips} : new AtomicLong[] {roundTrips, roundTripsAfterBookmarks};
    }

    private SessionConfig config(Bookmarks after) {
        SessionConfig.Builder b = SessionConfig.builder().withDatabase(database);
        if (!after.isEmpty()) {
            b.withBookmarks(after.values().toArray(Bookmark[]::new));
        }
        return b.build();
    }

    /** A transaction that counts its queries. */
    public static final class Tx {
        private final TransactionContext tx;
        private final AtomicLong[] counters;

        Tx(TransactionContext tx, AtomicLong... counters) {
            this.tx = tx;
            this.counters = counters;
        }

        public Result run(String cypher, Map<String, Object> parameters) {
            for (AtomicLong c : counters) {
                c.incrementAndGet();
            }
            return tx.run(cypher, parameters);
        }
    }

    public record Written<T>(T result, Bookmarks bookmarks) {
    }
}
