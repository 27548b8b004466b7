package org.batchledger.hub.store;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.batchledger.hub.api.ApiExceptionHandler;
import org.batchledger.lineage.store.DatabaseFailure;
import org.batchledger.lineage.store.DatabaseUnavailable;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
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
 * Logged by {@link DatabaseOutages}: one line a minute, not a line or a stack trace per request.
 */
@ControllerAdvice
class DatabaseUnavailableHandler {
    private final DatabaseOutages outages;

    DatabaseUnavailableHandler(DatabaseOutages outages) {
        this.outages = outages;
    }

    /**
     * Also when Neo4j answered transient after the driver's retries: not available (starting, recovering after a
     * restart) or kept conflicting. Before this, an unresolved INTERNAL_ERROR with a stack trace per request (seen
     * while a Neo4j restarted after its disk filled).
     */
    @GraphQlExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class,
            DatabaseException.class, TransientException.class})
    GraphQLError graphQl(RuntimeException e, DataFetchingEnvironment env) {
        return ApiExceptionHandler.unavailable(outage(e).message(), env);
    }

    /** Spring MVC matches these on the exception's causes too, so a wrapped driver failure lands here as well. */
    @ExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class, DatabaseException.class,
            TransientException.class})
    ResponseEntity<ProblemDetail> rest(RuntimeException e) {
        DatabaseUnavailable outage = outage(e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(outage.retryAfter().toSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, outage.message()));
    }

    // the handlers' exception types (also as a cause, for Spring MVC) are all outages
    private DatabaseUnavailable outage(RuntimeException e) {
        return outages.of(e).orElseThrow(() -> e);
    }
}
