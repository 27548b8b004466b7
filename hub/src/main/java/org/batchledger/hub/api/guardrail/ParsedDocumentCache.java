package org.batchledger.hub.api.guardrail;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text, least recently used out first. Clients send the same few queries
 * with different variables, and parsing plus validation is a fifth of a small request's CPU. The guardrails (depth,
 * cost) run at execution with the variables, so a cached document is still limited.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {
    /** Longer documents are parsed every time, so the cache's memory stays bounded by capacity × this. */
    static final int MAX_CACHED_QUERY_LENGTH = 8_192;

    private final int capacity;
    private final Map<String, PreparsedDocumentEntry> entries;

    ParsedDocumentCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > ParsedDocumentCache.this.capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query.length() > MAX_CACHED_QUERY_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry entry;
        synchronized (entries) {
            entry = entries.get(query);
        }
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            synchronized (entries) {
                entries.put(query, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }
}
