package org.batchledger.hub.signature;

import graphql.GraphQLContext;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.AuthenticationTime;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.signature.ExceptionDispositionRequest;
import org.batchledger.lineage.signature.ExceptionDispositions;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.ExceptionDisposition;
import org.batchledger.schema.record.ExceptionDisposition.ExceptionDecision;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code dispositionException}: the reviewer and when they authenticated come from the token, as for {@code sign}. */
@Controller
class ExceptionDispositionController {
    private final ExceptionDispositions dispositions;
    private final Set<String> directGrantClients;

    ExceptionDispositionController(ExceptionDispositions dispositions, SignatureProperties props) {
        this.dispositions = dispositions;
        this.directGrantClients = Set.copyOf(props.directGrantClients());
    }

    @MutationMapping
    Result dispositionException(@Argument String batch, @Argument String exception,
                                @Argument ExceptionDecision decision, @Argument String comment,
                                Authentication authentication, GraphQLContext context) {
        var done = dispositions.dispose(new ExceptionDispositionRequest(GlobalIds.keyOrId(batch, RecordType.BATCH),
                exception, decision, comment, CurrentActor.of(authentication),
                AuthenticationTime.of(authentication, directGrantClients), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, done.bookmarks());
        return new Result(View.of(done.disposition(), done.signature()), done.signature(), done.deviation(),
                done.seq());
    }

    /** The API's view of what the decision wrote. */
    record Result(View disposition, Signature signature, Deviation deviation, long seq) {
    }

    /** The SDL's ExceptionDisposition. */
    record View(String id, String key, String exceptionId, String exceptionClass, String evidenceSha256,
                ExceptionDecision decision, String comment, String decidedBy, Instant decidedAt, String deviationId,
                String signatureKey) {
        static View of(ExceptionDisposition d, Signature s) {
            return new View(RecordType.EXCEPTION_DISPOSITION.graphName() + ":" + d.key(), d.key(), d.exceptionId(),
                    d.exceptionClass(), d.evidenceSha256(), d.decision(), d.comment(), s.printedName(), d.decidedAt(),
                    d.deviationKey() == null ? null : RecordType.DEVIATION.graphName() + ":" + d.deviationKey(),
                    d.signatureKey());
        }
    }
}
