package org.batchledger.hub.api.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The parsed-document cache parses a repeated query once, keeps at most its capacity, and never caches huge texts. */
@Tag("REQ-API-004")
@Tag("REQ-PERF-003")
class ParsedDocumentCacheTest {
    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aRepeatedQueryIsParsedOnceWhateverItsVariables() {
        var cache = new ParsedDocumentCache(10);
        String query = "query($n: Int) { batches(first: $n) { totalCount } }";
        for (int n = 1; n <= 5; n++) {
            var input = ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("n", n)).build();
            assertThat(cache.getDocumentAsync(input, parse).join().getDocument()).isNotNull();
        }
        assertThat(parses).hasValue(1);
    }

    @Test
    void theLeastRecentlyUsedQueryGoesFirstWhenFull() {
        var cache = new ParsedDocumentCache(2);
        get(cache, "{ a }");
        get(cache, "{ b }");
        get(cache, "{ a }");
        get(cache, "{ c }"); // evicts { b }
        get(cache, "{ a }");
        assertThat(parses).hasValue(3);
        get(cache, "{ b }");
        assertThat(parses).hasValue(4);
    }

    @Test
    void aQueryLongerThanTheLimitIsParsedEveryTimeAndNotKept() {
        var cache = new ParsedDocumentCache(10);
        String longQuery = "{ " + "a ".repeat(ParsedDocumentCache.MAX_CACHED_QUERY_LENGTH) + "}";
        get(cache, longQuery);
        get(cache, longQuery);
        assertThat(parses).hasValue(2);
    }

    private void get(ParsedDocumentCache cache, String query) {
        cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse).join();
    }
}
