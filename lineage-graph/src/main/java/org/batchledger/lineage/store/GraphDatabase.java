package org.batchledger.lineage.store;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * The one door to Neo4j. Reads run in READ access mode ({@code executeRead}, routable to secondaries), writes in
 * managed write transactions ({@code executeWrite}, the leader), which the driver retries on transient errors —
 * so every write function must be safe to run twice (the ledger's idempotency key sees to that).
 */
public final class GraphDatabase {
    private final Driver driver;
    private final String database;
    private final AtomicLong roundTrips = new AtomicLong();

    public GraphDatabase(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    public <T> T read(Function<Tx, T> work) {
        return read(work, Bookmarks.none());
    }

    /** A read that sees at least the writes the bookmarks name (read-your-writes on any replica). */
    public <T> T read(Function<Tx, T> work, Bookmarks after) {
        try (Session session = driver.session(config(after))) {
            return session.executeRead(tx -> work.apply(new Tx(tx, roundTrips)));
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
        try (Session session = driver.session(config(Bookmarks.none()))) {
            return session.executeRead(tx -> work.apply(new Tx(tx, roundTrips)), config);
        }
    }

    /** Whether a failure is the server ending a transaction at its timeout. */
    public static boolean isTimeout(RuntimeException e) {
        return e instanceof org.neo4j.driver.exceptions.Neo4jException n && n.code() != null
                && (n.code().contains("TransactionTimedOut") || n.code().contains("Transaction.Terminated"));
    }

    /** A write in one managed transaction; returns its result and the bookmark a client can read after. */
    public <T> Written<T> write(Function<Tx, T> work) {
        try (Session session = driver.session(config(Bookmarks.none()))) {
            T result = session.executeWrite(tx -> work.apply(new Tx(tx, roundTrips)));
            return new Written<>(result, Bookmarks.of(session.lastBookmarks()));
        }
    }

    /** Queries sent so far; tests use it to prove list fields are batched, not one query per parent. */
    public long roundTrips() {
        return roundTrips.get();
    }

    public Driver driver() {
        return driver;
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
        private final AtomicLong roundTrips;

        Tx(TransactionContext tx, AtomicLong roundTrips) {
            this.tx = tx;
            this.roundTrips = roundTrips;
        }

        public Result run(String cypher, Map<String, Object> parameters) {
            roundTrips.incrementAndGet();
            return tx.run(cypher, parameters);
        }
    }

    public record Written<T>(T result, Bookmarks bookmarks) {
    }
}
