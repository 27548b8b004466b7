package org.batchledger.hub.release;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.batchledger.hub.api.loader.AsOfContext;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.release.Views.ExceptionView;
import org.batchledger.hub.release.Views.QueueFilterInput;
import org.batchledger.hub.release.Views.ReadinessView;
import org.batchledger.hub.release.Views.ReviewQueueView;
import org.batchledger.lineage.release.ExceptionClass;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Release readiness, the release queue and the review queue; every answer is read at one tree size. */
@Controller
class ReleaseController {
    /** Whether the request selects a record behind the evidence (then loaded in one query). */
    private static final String RECORDS = "**/record";

    private final ReleaseReads reads;

    ReleaseController(ReleaseReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    DataFetcherResult<ReadinessView> releaseReadiness(@Argument String batch, @Argument Integer asOf,
                                                      DataFetchingEnvironment env) {
        AsOf at = reads.pinned(asOf);
        return AsOfContext.at(reads.readiness(batch, at, env.getSelectionSet().contains(RECORDS)), at);
    }

    @QueryMapping
    DataFetcherResult<QueueConnection> releaseQueue(@Argument Integer first, @Argument String after,
                                                    @Argument QueueFilterInput filter) {
        AsOf at = reads.pinned(null);
        return AsOfContext.at(reads.queue(first, after, filter, at), at);
    }

    @QueryMapping
    DataFetcherResult<ReviewQueueView> reviewQueue(@Argument String batch, @Argument Integer asOf,
                                                   DataFetchingEnvironment env) {
        AsOf at = reads.pinned(asOf);
        return AsOfContext.at(reads.reviewQueue(batch, at, env.getSelectionSet().contains(RECORDS)), at);
    }

    @SchemaMapping(typeName = "ReviewQueue")
    Page<ExceptionView> exceptions(ReviewQueueView queue, @Argument Integer first, @Argument String after,
                                   @Argument ExceptionClass exceptionClass) {
        return page(queue.all().stream().filter(x -> exceptionClass == null
                || x.exceptionClass() == exceptionClass).toList(), Paging.of(first, after));
    }

    /** The exceptions in their order; the cursor is the position, zero-padded so it sorts. */
    private static Page<ExceptionView> page(List<ExceptionView> all, PageRequest request) {
        int from = 0;
        if (request.afterKey() != null) {
            try {
                from = Integer.parseInt(request.afterKey()) + 1;
            } catch (NumberFormatException e) {
                throw new org.batchledger.hub.api.BadRequestException("argument 'after' is not a cursor this API issued");
            }
        }
        List<ExceptionView> rest = all.subList(Math.min(from, all.size()), Math.min(all.size(),
                from + request.first() + 1));
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            keys.add(String.format("%06d", from + i));
        }
        boolean more = rest.size() > request.first();
        int n = Math.min(rest.size(), request.first());
        return new Page<>(List.copyOf(rest.subList(0, n)), keys.subList(0, n), more, request.afterKey() != null);
    }
}
