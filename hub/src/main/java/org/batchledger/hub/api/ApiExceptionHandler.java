package org.batchledger.hub.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.ledger.checkpoint.LedgerInconsistentException;
import org.batchledger.lineage.write.InvalidRecordsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Typed exceptions to error classes. Anything unexpected stays an opaque INTERNAL_ERROR (Spring's default) with
 * the execution id; its text and stack trace go to the log only.
 */
@ControllerAdvice
class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final ErrorClassification LEDGER_INCONSISTENT = ErrorClassification.errorClassification("LEDGER_INCONSISTENT");

    @GraphQlExceptionHandler
    GraphQLError badRequest(BadRequestException e, DataFetchingEnvironment env) {
        return error(ErrorType.BAD_REQUEST, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(NotFoundException e, DataFetchingEnvironment env) {
        return error(ErrorType.NOT_FOUND, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError ledgerArgument(LedgerArgumentException e, DataFetchingEnvironment env) {
        return error(ErrorType.BAD_REQUEST, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError invalidRecords(InvalidRecordsException e, DataFetchingEnvironment env) {
        LOG.info("Refused write: {}", e.getMessage());
        return error(ErrorType.BAD_REQUEST, e.getMessage(), env);
    }

    /** The ledger is not an extension of the last kept checkpoint: a server-side state for an operator. */
    @GraphQlExceptionHandler
    GraphQLError ledgerInconsistent(LedgerInconsistentException e, DataFetchingEnvironment env) {
        LOG.error("Refused to sign a checkpoint: {}", e.getMessage());
        return GraphQLError.newError().errorType(LEDGER_INCONSISTENT).message(e.getMessage())
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation()).build();
    }

    private static GraphQLError error(ErrorType type, String message, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(type).message(message).path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation()).build();
    }
}
