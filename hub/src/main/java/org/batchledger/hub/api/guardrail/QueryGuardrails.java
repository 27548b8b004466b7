package org.batchledger.hub.api.guardrail;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import java.time.Duration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Limits every request before it runs: a maximum body size ({@link RequestBodyLimit}), a maximum depth, a maximum cost ({@link QueryCost}: a list field costs its
 * children times {@code first}, GitHub/Shopify style, summed without overflow), a maximum number of selected
 * fields and a deadline. Each refusal names its limit and comes out as
 * BAD_REQUEST ({@link RequestErrorClassifier}). Parsed and validated documents are cached, so a repeated query
 * skips both.
 */
@Configuration(proxyBeanMethods = false)
class QueryGuardrails {
    static final int MAX_DEPTH = 15;
    static final int MAX_COST = 250_000;
    static final int MAX_FIELDS = 2_000;
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
        return new QueryCostLimit(MAX_COST, MAX_FIELDS);
    }

    @Bean
    Instrumentation requestDeadline() {
        return new RequestDeadline(DEADLINE);
    }

    /** Ahead of security, so an oversized body is refused before a token is even checked. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> graphQlBodyLimit(
            @Value("${batchledger.graphql.max-body-bytes:1048576}") long maxBodyBytes) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(maxBodyBytes));
        registration.addUrlPatterns("/graphql");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocumentCache(1_000)));
    }
}
