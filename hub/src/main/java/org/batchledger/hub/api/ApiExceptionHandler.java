package org.batchledger.hub.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batchledger.lineage.evidence.EvidenceRefusedException;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.ledger.checkpoint.LedgerInconsistentException;
import org.batchledger.lineage.signature.SignatureRefusedException;
import org.batchledger.lineage.workflow.TransitionRefusedException;
import org.batchledger.lineage.write.CorrectionRefusedException;
import org.batchledger.lineage.write.IdempotencyConflictException;
import org.batchledger.lineage.write.InvalidRecordsException;
import org.batchledger.lineage.write.LedgerBusyException;
import org.batchledger.lineage.write.WithdrawalRefusedException;
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
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @GraphQlExceptionHandler
    GraphQLError badRequest(BadRequestException e, DataFetchingEnvironment env) {
        return error(ErrorType.BAD_REQUEST, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(NotFoundException e, DataFetchingEnvironment env) {
        return error(ErrorType.NOT_FOUND, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError unavailable(UnavailableException e, DataFetchingEnvironment env) {
        return error(ApiErrorType.SERVICE_UNAVAILABLE, e.getMessage(), env);
    }

    /** An export refused: NOT_FOUND names the ID that is no batch, BAD_REQUEST the limit or scope. */
    @GraphQlExceptionHandler
    GraphQLError evidenceRefused(EvidenceRefusedException e, DataFetchingEnvironment env) {
        ErrorClassification type = switch (e.kind()) {
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case BUSY -> ApiErrorType.SERVICE_UNAVAILABLE;
        };
        return error(type, e.getMessage(), env, Map.of("id", e.subject()));
    }

    // another file's ingest held the ledger longer than a write waits (seen under load): nothing was written
    @GraphQlExceptionHandler
    GraphQLError ledgerBusy(LedgerBusyException e, DataFetchingEnvironment env) {
        return error(ApiErrorType.SERVICE_UNAVAILABLE, e.getMessage() + "; nothing was written, send it again later",
                env);
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
        return error(ApiErrorType.LEDGER_INCONSISTENT, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError idempotencyConflict(IdempotencyConflictException e, DataFetchingEnvironment env) {
        return error(ApiErrorType.CONFLICT, e.getMessage(), env, Map.of("idempotencyKey", e.idempotencyKey()));
    }

    /** A refused correction: FORBIDDEN for a role the rules do not allow, else BAD_REQUEST; names record, field, rule. */
    @GraphQlExceptionHandler
    GraphQLError correctionRefused(CorrectionRefusedException e, DataFetchingEnvironment env) {
        LOG.info("Refused correction: {}", e.getMessage());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("record", e.record());
        if (e.field() != null) {
            extensions.put("field", e.field());
        }
        extensions.put("rule", e.rule().id());
        extensions.put("ruleText", e.rule().text());
        return error(e.forbidden() ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST, e.getMessage(), env, extensions);
    }

    /** A refused withdrawal: FORBIDDEN when the caller is neither signer nor qa-release, else BAD_REQUEST. */
    @GraphQlExceptionHandler
    GraphQLError withdrawalRefused(WithdrawalRefusedException e, DataFetchingEnvironment env) {
        LOG.info("Refused withdrawal: {}", e.getMessage());
        return error(e.forbidden() ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST, e.getMessage(), env,
                Map.of("record", e.signature(), "rule", e.rule().id(), "ruleText", e.rule().text()));
    }

    /**
     * A refused signature: FORBIDDEN when this signer may not sign so (role, segregation of duties),
     * REAUTHENTICATION_REQUIRED when their authentication is too old, else BAD_REQUEST; names record and rule.
     */
    @GraphQlExceptionHandler
    GraphQLError signatureRefused(SignatureRefusedException e, DataFetchingEnvironment env) {
        LOG.info("Refused signature: {}", e.getMessage());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("record", e.record());
        extensions.put("rule", e.rule().id());
        extensions.put("ruleText", e.rule().text());
        extensions.putAll(e.details());
        ErrorClassification type = switch (e.rule().kind()) {
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case REAUTHENTICATION -> ApiErrorType.REAUTHENTICATION_REQUIRED;
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
        };
        return error(type, e.getMessage(), env, extensions);
    }

    /** A refused workflow transition: names record, state, allowed transitions and rule. */
    @GraphQlExceptionHandler
    GraphQLError transitionRefused(TransitionRefusedException e, DataFetchingEnvironment env) {
        LOG.info("Refused transition: {}", e.getMessage());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("record", e.record());
        extensions.putAll(e.details());
        extensions.put("rule", e.rule().id());
        extensions.put("ruleText", e.rule().text());
        ErrorClassification type = switch (e.rule().kind()) {
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case REAUTHENTICATION -> ApiErrorType.REAUTHENTICATION_REQUIRED;
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
        };
        return error(type, e.getMessage(), env, extensions);
    }

    /** A classified error at the field being fetched, for handlers outside this package. */
    public static GraphQLError unavailable(String message, DataFetchingEnvironment env) {
        return error(ApiErrorType.SERVICE_UNAVAILABLE, message, env);
    }

    /** The same, for a whole request refused before any field runs (no path or location). */
    public static GraphQLError unavailable(String message) {
        return GraphQLError.newError().errorType(ApiErrorType.SERVICE_UNAVAILABLE).message(message).build();
    }

    private static GraphQLError error(ErrorClassification type, String message, DataFetchingEnvironment env) {
        return error(type, message, env, Map.of());
    }

    private static GraphQLError error(ErrorClassification type, String message, DataFetchingEnvironment env,
                                      Map<String, Object> extensions) {
        var builder = GraphQLError.newError().errorType(type).message(message)
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation());
        if (!extensions.isEmpty()) {
            builder.extensions(extensions);
        }
        return builder.build();
    }
}
