package org.batchledger.hub.release;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.loader.AsOfContext;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.release.Views.ExceptionView;
import org.batchledger.hub.release.Views.QueueFilterInput;
import org.batchledger.hub.release.Views.ReadinessView;
import org.batchledger.hub.release.Views.ReviewQueueView;
import org.batchledger.lineage.release.ExceptionClass;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.LedgerRecord;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Release readiness, the release queue and the review queue; every answer is read at one tree size. */
@Controller
class ReleaseController {
    private final ReleaseReads reads;

    ReleaseController(ReleaseReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    DataFetcherResult<ReadinessView> releaseReadiness(@Argument String batch, @Argument Integer asOf) {
        AsOf at = reads.pinned(asOf);
        return AsOfContext.at(reads.readiness(batch, at), at);
    }

    @QueryMapping
    DataFetcherResult<QueueConnection> releaseQueue(@Argument Integer first, @Argument String after,
                                                    @Argument QueueFilterInput filter) {
        AsOf at = reads.pinned(null);
        return AsOfContext.at(reads.queue(first, after, filter, at), at);
    }

    @QueryMapping
    DataFetcherResult<ReviewQueueView> reviewQueue(@Argument String batch, @Argument Integer asOf) {
        AsOf at = reads.pinned(asOf);
        return AsOfContext.at(reads.reviewQueue(batch, at), at);
    }

    /** The record behind a link, at the answer's tree size; batched across the response by the record loader. */
    @SchemaMapping(typeName = "EvidenceLink", field = "record")
    CompletableFuture<LedgerRecord> evidenceRecord(EvidenceView link, DataFetchingEnvironment env) {
        return RecordLookup.one(env, link.ref());
    }

    @SchemaMapping(typeName = "ReviewQueue")
    Page<ExceptionView> exceptions(ReviewQueueView queue, @Argument Integer first, @Argument String after,
                                   @Argument ExceptionClass exceptionClass) {
        return ReleaseReads.exceptions(queue, exceptionClass, Paging.of(first, after));
    }
}
