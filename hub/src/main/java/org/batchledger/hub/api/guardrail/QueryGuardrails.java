package org.batchledger.hub.api.guardrail;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import java.time.Duration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits every request before it runs: a maximum depth, a maximum cost ({@link QueryCost}: a list field costs its
 * children times {@code first}, GitHub/Shopify style) and a deadline. Each refusal names its limit and comes out as
 * BAD_REQUEST ({@link RequestErrorClassifier}). Parsed and validated documents are cached, so a repeated query
 * skips both.
 */
@Configuration(proxyBeanMethods = false)
class QueryGuardrails {
    static final int MAX_DEPTH = 15;
    static final int MAX_COST = 250_000;
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @Bean
    Instrumentation queryDepthLimit() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new AbortExecutionException("query depth " + depth + " exceeds the limit maxDepth = " + maxDepth);
            }
        };
    }

    @Bean
    Instrumentation queryCostLimit() {
        return new MaxQueryComplexityInstrumentation(MAX_COST, new QueryCost()) {
            @Override
            protected AbortExecutionException mkAbortException(int cost, int maxCost) {
                return new AbortExecutionException("query cost " + cost + " exceeds the limit maxCost = " + maxCost
                        + " (a list field costs its selection times its 'first')");
            }
        };
    }

    @Bean
    Instrumentation requestDeadline() {
        return new RequestDeadline(DEADLINE);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocumentCache(1_000)));
    }
}
