package org.batchledger.hub.api;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.Bookmarks;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the bookmarks of a mutation's write into the response {@code extensions} ({@code "bookmarks": [...]}), so a
 * client can ask for read-your-writes on any replica (DESIGN: runtime). Shared by every feature that writes.
 */
@Component
public final class BookmarkExtensions implements WebGraphQlInterceptor {
    private static final String KEY = BookmarkExtensions.class.getName();

    /** Remembers the bookmarks of this request's write for the response extensions. */
    public static void remember(GraphQLContext context, Bookmarks bookmarks) {
        if (bookmarks != null && !bookmarks.isEmpty()) {
            context.put(KEY, List.copyOf(bookmarks.tokens()));
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            Object tokens = response.getExecutionInput().getGraphQLContext().get(KEY);
            return tokens == null ? response
                    : response.transform(b -> b.extensions(Map.of("bookmarks", tokens)));
        });
    }
}
