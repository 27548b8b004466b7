package org.batchledger.hub.api.guardrail;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.BadRequestException;

/**
 * A request deadline: once it has passed, every further non-trivial field fetch fails with BAD_REQUEST naming the
 * limit, so a request that fans out cannot run on. Long single fetches (traces) carry their own, shorter budget.
 */
final class RequestDeadline extends SimplePerformantInstrumentation {
    private final Duration deadline;

    RequestDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    private record Started(long nanos) implements InstrumentationState {
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Started(System.nanoTime()));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || !(state instanceof Started started)) {
            return fetcher;
        }
        return env -> {
            if (System.nanoTime() - started.nanos() > deadline.toNanos()) {
                throw new BadRequestException("request deadline exceeded: the limit deadline = " + deadline.toSeconds()
                        + " s has passed");
            }
            return fetcher.get(env);
        };
    }
}
