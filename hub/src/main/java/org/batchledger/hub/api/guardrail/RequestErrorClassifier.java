package org.batchledger.hub.api.guardrail;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import java.util.List;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A malformed or invalid document is the caller's mistake: graphql-java's InvalidSyntax and ValidationError (and
 * bad variable values) become BAD_REQUEST, keeping message and locations, so clients handle one class. So do
 * aborts by the depth and cost limits ({@link QueryGuardrails}): the caller asked for too much. Every message is
 * bounded in length, as messages may quote the caller's input.
 */
@Component
class RequestErrorClassifier implements WebGraphQlInterceptor {
    private static final List<ErrorClassification> CALLER_ERRORS =
            List.of(ErrorType.InvalidSyntax, ErrorType.ValidationError, ErrorType.OperationNotSupported,
                    ErrorType.ExecutionAborted);
    static final int MAX_MESSAGE = 500;

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(e -> isCallerError(e) || tooLong(e))) {
                return response;
            }
            return response.transform(b -> b.errors(errors.stream().map(RequestErrorClassifier::reclassify).toList()));
        });
    }

    private static boolean tooLong(GraphQLError e) {
        return e.getMessage() != null && e.getMessage().length() > MAX_MESSAGE;
    }

    /** Error messages may quote the caller's input (a 5 MB variable); they are cut, never echoed whole. */
    static String bounded(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "… (message cut: " + message.length() + " characters)";
    }

    private static boolean isCallerError(GraphQLError e) {
        return CALLER_ERRORS.contains(e.getErrorType())
                || e.getClass().getSimpleName().equals("CoercingParseValueException")
                || e.getClass().getName().startsWith("graphql.execution.NonNullableValueCoercedAsNullException");
    }

    private static GraphQLError reclassify(GraphQLError e) {
        if (!isCallerError(e)) {
            return tooLong(e) ? GraphQLError.newError().errorType(e.getErrorType()).message(bounded(e.getMessage()))
                    .locations(e.getLocations()).path(e.getPath()).extensions(e.getExtensions()).build() : e;
        }
        return GraphQLError.newError().errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
                .message(bounded(e.getMessage())).locations(e.getLocations()).path(e.getPath()).build();
    }
}
