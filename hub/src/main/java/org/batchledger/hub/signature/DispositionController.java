package org.batchledger.hub.signature;

import graphql.GraphQLContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.AuthenticationTime;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.signature.DispositionRequest;
import org.batchledger.lineage.signature.Dispositions;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Disposition.DispositionDecision;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code disposition}: the releaser and when they authenticated come from the token, as for {@code sign}. */
@Controller
class DispositionController {
    private final Dispositions dispositions;
    private final Set<String> directGrantClients;

    DispositionController(Dispositions dispositions, SignatureProperties props) {
        this.dispositions = dispositions;
        this.directGrantClients = Set.copyOf(props.directGrantClients());
    }

    @MutationMapping
    DispositionView disposition(@Argument String batch, @Argument DispositionDecision decision,
                                @Argument String justification, Authentication authentication,
                                GraphQLContext context) {
        var done = dispositions.dispose(new DispositionRequest(GlobalIds.keyOf(batch, RecordType.BATCH), decision,
                justification, CurrentActor.of(authentication),
                AuthenticationTime.of(authentication, directGrantClients), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, done.bookmarks());
        return DispositionView.of(done);
    }

    /** The API's view of a disposition taken. */
    record DispositionView(String id, String key, Batch batch, DispositionDecision decision, String justification,
                           boolean ready, List<String> failingChecks, Signature signature, Instant decidedAt,
                           Snapshot snapshot, long seq) {
        static DispositionView of(Dispositions.Disposed done) {
            var d = done.disposition();
            return new DispositionView(RecordType.DISPOSITION.graphName() + ":" + d.key(), d.key(), done.batch(),
                    d.decision(), d.justification(), d.ready(), d.failingChecks(), done.signature(), d.decidedAt(),
                    new Snapshot(d.snapshotTreeSize(), d.upstreamNodesSha256(), d.upstreamEdgesSha256(),
                            d.upstreamNodeCount(), d.upstreamEdgeCount()), done.seq());
        }
    }

    /** The genealogy snapshot the release signed. */
    record Snapshot(long treeSize, String nodesSha256, String edgesSha256, long nodeCount, long edgeCount) {
    }
}
