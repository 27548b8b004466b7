package org.batchledger.lineage.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The graph database could not serve a request, whichever part of the hub asked (GraphQL, a REST endpoint, an
 * ingest): unreachable past the driver's retry time, still transient after its retries (starting, recovering), or
 * failed itself ({@link DatabaseFailure}). One place says what a caller is told (never Neo4j's own text, addresses
 * or paths) and what the log gets, so the API's answers cannot drift apart.
 *
 * @param failed     Neo4j failed itself (its disk full): an operator must act, a retry alone does not help
 * @param message    for the caller: the cause as far as the hub can see it and that nothing of the request was
 *                   written
 * @param logLine    for the hub's log, one line (may name the server's address, never shown to a caller)
 * @param retryAfter when a client may try again: soon after an outage, later after a failure that needs a restart
 */
public record DatabaseUnavailable(boolean failed, String message, String logLine, Duration retryAfter) {
    static final String UNREACHABLE = "the graph database is not reachable now; nothing was written by this request;"
            + " retry later";
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final Duration AFTER_A_RESTART = Duration.ofSeconds(60);

    /** What {@code e} (its causes included) says about the database, if it is such a failure at all. */
    public static Optional<DatabaseUnavailable> of(Throwable e, Path embeddedHome) {
        Optional<DatabaseFailure> failure = DatabaseFailure.of(e);
        if (failure.isPresent()) {
            return Optional.of(failed(failure.get(), embeddedHome));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException d) { // the driver's class for Neo4j's own errors, whatever its code
                return Optional.of(failed(new DatabaseFailure(String.valueOf(d.code()), false), embeddedHome));
            }
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return Optional.of(new DatabaseUnavailable(false, UNREACHABLE, "Neo4j unavailable: " + t.getMessage(),
                        SOON));
            }
            if (t instanceof TransientException te) {
                return Optional.of(new DatabaseUnavailable(false, "the graph database is not available now (Neo4j "
                        + te.code() + "); nothing was written by this request; retry later",
                        "Neo4j answered " + te.code() + " after the driver's retries", SOON));
            }
        }
        return Optional.empty();
    }

    private static DatabaseUnavailable failed(DatabaseFailure f, Path embeddedHome) {
        String message = f.describe(embeddedHome);
        return new DatabaseUnavailable(true, message, "Neo4j failed (" + f.code()
                + (f.stopped() ? ", stopped until restarted" : "") + "): " + message,
                f.stopped() ? AFTER_A_RESTART : SOON);
    }
}
