package org.batchledger.hub.store;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.batchledger.hub.api.ApiExceptionHandler;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The graph database did not answer within the driver's retry time: a typed SERVICE_UNAVAILABLE the caller may
 * retry, never partial data (a write either committed before the outage or did not). Here, beside the driver's
 * configuration, because only this package knows the driver.
 */
@ControllerAdvice
class DatabaseUnavailableHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    @GraphQlExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class})
    GraphQLError databaseUnavailable(RuntimeException e, DataFetchingEnvironment env) {
        LOG.warn("Neo4j unavailable: {}", e.getMessage());
        return ApiExceptionHandler.unavailable("the graph database is not reachable now; nothing was written by this"
                + " request; retry later", env);
    }
}
