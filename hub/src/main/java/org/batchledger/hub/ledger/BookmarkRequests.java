package org.batchledger.hub.ledger;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchledger.hub.api.ApiExceptionHandler;
import org.batchledger.hub.store.DatabaseOutages;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.store.GraphDatabase;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes back the bookmarks a mutation returned ({@code extensions.bookmarks}): from the request's
 * {@code extensions: {bookmarks: [...]}} and/or the header {@value #HEADER} (comma-separated tokens). It checks
 * them and waits until the database has applied them before the request runs; then every transaction of the
 * request waits for them too ({@link ReadYourWrites}), so the reads see those writes on any replica. A malformed or
 * unknown bookmark refuses the whole request with BAD_REQUEST naming it; a database that cannot be asked refuses it
 * with SERVICE_UNAVAILABLE (before: an unhandled 500 from this interceptor, outside every field's error handling).
 */
@Component
class BookmarkRequests implements WebGraphQlInterceptor {
    static final String HEADER = "X-Batchledger-Bookmarks";
    static final String EXTENSION = "bookmarks";
    static final int MAX_TOKENS = 32;
    static final int MAX_TOKEN_LENGTH = 1024;

    private final GraphDatabase db;
    private final DatabaseOutages outages;

    BookmarkRequests(GraphDatabase db, DatabaseOutages outages) {
        this.db = db;
        this.outages = outages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Bookmarks bookmarks;
        try {
            bookmarks = Bookmarks.fromTokens(tokens(request));
            db.awaitBookmarks(bookmarks);
        } catch (IllegalArgumentException e) { // InvalidBookmarkException, or the bookmarks' shape
            return Mono.just(refused(request, GraphQLError.newError().errorType(ErrorType.BAD_REQUEST)
                    .message(e.getMessage()).build()));
        } catch (RuntimeException e) {
            return Mono.just(refused(request, ApiExceptionHandler.unavailable(outages.of(e).orElseThrow(() -> e)
                    .message())));
        }
        if (!bookmarks.isEmpty()) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(c -> ReadYourWrites.remember(c, bookmarks)).build());
        }
        return chain.next(request);
    }

    private static List<String> tokens(WebGraphQlRequest request) {
        List<String> tokens = new ArrayList<>();
        for (String value : request.getHeaders().getOrEmpty(HEADER)) {
            Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tokens::add);
        }
        Object sent = request.getExtensions().get(EXTENSION);
        if (sent instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            list.forEach(t -> tokens.add((String) t));
        } else if (sent != null) {
            throw new IllegalArgumentException("extensions." + EXTENSION + " must be a list of bookmark tokens");
        }
        if (tokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("at most " + MAX_TOKENS + " bookmarks per request, got " + tokens.size());
        }
        tokens.stream().filter(t -> t.length() > MAX_TOKEN_LENGTH).findFirst().ifPresent(t -> {
            throw new IllegalArgumentException("bookmark '" + t.substring(0, 16) + "…' is longer than "
                    + MAX_TOKEN_LENGTH + " characters");
        });
        return tokens;
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, GraphQLError error) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
