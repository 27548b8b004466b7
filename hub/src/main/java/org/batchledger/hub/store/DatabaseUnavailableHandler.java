package org.batchledger.hub.store;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.batchledger.hub.HubProperties;
import org.batchledger.hub.api.ApiExceptionHandler;
import org.batchledger.lineage.store.DatabaseFailure;
import org.batchledger.lineage.store.DatabaseUnavailable;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The graph database did not answer within the driver's retry time, or failed itself (a full disk: see
 * {@link DatabaseFailure}): a typed SERVICE_UNAVAILABLE the caller may retry, never partial data (a write either
 * committed before the outage or did not). GraphQL gets the error class; the REST endpoints (ledger tiles and
 * checkpoint, the recall CSV, ...) get 503 with the problem body of every other HTTP refusal and {@code Retry-After},
 * instead of an unhandled 500. Here, beside the driver's configuration, because only this package knows the driver.
 * A failed or unreachable database fails every request until it is back, so it is logged as one line at most once a
 * minute (with the count since), not a line or a stack trace per request.
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

    /**
     * Also when Neo4j answered transient after the driver's retries: not available (starting, recovering after a
     * restart) or kept conflicting. Before this, an unresolved INTERNAL_ERROR with a stack trace per request (seen
     * while a Neo4j restarted after its disk filled).
     */
    @GraphQlExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class,
            DatabaseException.class, TransientException.class})
    GraphQLError graphQl(RuntimeException e, DataFetchingEnvironment env) {
        return ApiExceptionHandler.unavailable(logged(e).message(), env);
    }

    /** Spring MVC matches these on the exception's causes too, so a wrapped driver failure lands here as well. */
    @ExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class, DatabaseException.class,
            TransientException.class})
    ResponseEntity<ProblemDetail> rest(RuntimeException e) {
        DatabaseUnavailable outage = logged(e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(outage.retryAfter().toSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, outage.message()));
    }

    private DatabaseUnavailable logged(RuntimeException e) {
        // the handlers' exception types (also as a cause, for Spring MVC) are all outages
        DatabaseUnavailable outage = DatabaseUnavailable.of(e, embeddedHome).orElseThrow(() -> e);
        logAtMostOnceAMinute(outage.logLine());
        return outage;
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
