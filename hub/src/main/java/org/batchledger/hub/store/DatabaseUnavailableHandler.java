package org.batchledger.hub.store;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.batchledger.hub.HubProperties;
import org.batchledger.hub.api.ApiExceptionHandler;
import org.batchledger.lineage.store.DatabaseFailure;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The graph database did not answer within the driver's retry time, or failed itself (a full disk: see
 * {@link DatabaseFailure}): a typed SERVICE_UNAVAILABLE the caller may retry, never partial data (a write either
 * committed before the outage or did not). Here, beside the driver's configuration, because only this package knows
 * the driver. A failed database fails every request until it is restarted, so its failure is logged as one line at
 * most once a minute (with the count since), not a stack trace per request.
 */
@ControllerAdvice
class DatabaseUnavailableHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;
    private final Path embeddedHome;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong unlogged = new AtomicLong();

    DatabaseUnavailableHandler(HubProperties props) {
        this.embeddedHome = props.embeddedNeo4jHome();
    }

    @GraphQlExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class})
    GraphQLError databaseUnavailable(RuntimeException e, DataFetchingEnvironment env) {
        LOG.warn("Neo4j unavailable: {}", e.getMessage());
        return ApiExceptionHandler.unavailable("the graph database is not reachable now; nothing was written by this"
                + " request; retry later", env);
    }

    @GraphQlExceptionHandler
    GraphQLError databaseFailed(DatabaseException e, DataFetchingEnvironment env) {
        DatabaseFailure failure = DatabaseFailure.of(e).orElse(new DatabaseFailure(String.valueOf(e.code()), false));
        String message = failure.describe(embeddedHome);
        logAtMostOnceAMinute("Neo4j failed (" + failure.code() + (failure.stopped() ? ", stopped until restarted" : "")
                + "): " + message);
        return ApiExceptionHandler.unavailable(message, env);
    }

    /**
     * Still transient after the driver's retries: the database is not available (starting, recovering after a
     * restart) or kept conflicting. Before this, an unresolved INTERNAL_ERROR with a stack trace per request (seen
     * while a Neo4j restarted after its disk filled).
     */
    @GraphQlExceptionHandler
    GraphQLError databaseTransient(TransientException e, DataFetchingEnvironment env) {
        logAtMostOnceAMinute("Neo4j answered " + e.code() + " after the driver's retries");
        return ApiExceptionHandler.unavailable("the graph database is not available now (Neo4j " + e.code()
                + "); nothing was written by this request; retry later", env);
    }

    private void logAtMostOnceAMinute(String line) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.error("{} ({} more failed requests not logged since the last line)", line, unlogged.getAndSet(0));
        } else {
            unlogged.incrementAndGet();
        }
    }
}
