package org.batchledger.hub.ledger;

import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.batchledger.lineage.store.BookmarkScope;
import org.batchledger.lineage.store.Bookmarks;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoaderOptions;
import org.dataloader.scheduler.BatchLoaderScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

/**
 * Read-your-writes for one request: the bookmarks a client sent ({@link BookmarkRequests}) sit in the request's
 * GraphQL context, and every piece of work that reaches the graph — each non-trivial data fetcher and each
 * DataLoader batch — runs inside a {@link BookmarkScope} holding them, so every transaction of the request waits
 * for them, whatever thread the work runs on. The scope is restored afterwards, so nothing leaks to other requests.
 */
@Configuration(proxyBeanMethods = false)
class ReadYourWrites {
    static final String KEY = ReadYourWrites.class.getName();

    static void remember(GraphQLContext.Builder context, Bookmarks bookmarks) {
        context.of(Map.of(KEY, bookmarks));
    }

    /** Every DataLoader of the API (DataLoaders and {@code @BatchMapping}s) runs its batches in the scope. */
    @Bean
    BatchLoaderRegistry bookmarkScopedBatchLoaderRegistry() {
        return new DefaultBatchLoaderRegistry(() -> DataLoaderOptions.newOptions()
                .setBatchLoaderScheduler(new ScopedBatches()).build());
    }

    @Bean
    Instrumentation bookmarkScope() {
        return new SimplePerformantInstrumentation() {
            @Override
            public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters
                    parameters, InstrumentationState state) {
                return parameters.isTrivialDataFetcher() ? fetcher
                        : env -> within(env.getGraphQlContext(), () -> fetcher.get(env));
            }
        };
    }

    static <T> T within(Object context, Callable<T> work) throws Exception {
        Bookmarks bookmarks = context instanceof GraphQLContext c && c.get(KEY) instanceof Bookmarks b ? b : null;
        if (bookmarks == null) {
            return work.call();
        }
        Bookmarks outer = BookmarkScope.current();
        BookmarkScope.set(bookmarks);
        try {
            return work.call();
        } finally {
            BookmarkScope.set(outer);
        }
    }

    /** Runs each batch inside the scope of the request that asked for it. */
    private static final class ScopedBatches implements BatchLoaderScheduler {
        @Override
        public <K, V> CompletionStage<List<V>> scheduleBatchLoader(ScheduledBatchLoaderCall<V> call, List<K> keys,
                                                                   BatchLoaderEnvironment env) {
            return scoped(env, call::invoke);
        }

        @Override
        public <K, V> CompletionStage<Map<K, V>> scheduleMappedBatchLoader(ScheduledMappedBatchLoaderCall<K, V> call,
                                                                          List<K> keys, BatchLoaderEnvironment env) {
            return scoped(env, call::invoke);
        }

        @Override
        public <K> void scheduleBatchPublisher(ScheduledBatchPublisherCall call, List<K> keys,
                                               BatchLoaderEnvironment env) {
            scoped(env, () -> {
                call.invoke();
                return CompletableFuture.completedFuture(null);
            });
        }

        private static <T> CompletionStage<T> scoped(BatchLoaderEnvironment env, Callable<CompletionStage<T>> call) {
            try {
                return within(env.getContext(), call);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }
}
