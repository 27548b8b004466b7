package org.batchledger.hub.workflow;

import graphql.GraphQLContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.AuthenticationTime;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.workflow.CapaWorkflows;
import org.batchledger.lineage.workflow.OpenCapaRequest;
import org.batchledger.lineage.workflow.TransitionRequest;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code openCapa} and {@code transitionCapa}: who and when they authenticated come from the token. */
@Controller
class CapaController {
    /** As GlobalIds: longer than any key, refused before it is read. */
    private static final int MAX_ID_LENGTH = 512;
    private static final String PREFIX = RecordType.CAPA.graphName() + ":";

    private final CapaWorkflows capas;
    private final WorkflowProperties props;

    CapaController(CapaWorkflows capas, WorkflowProperties props) {
        this.capas = capas;
        this.props = props;
    }

    @MutationMapping
    CapaView openCapa(@Argument String title, @Argument String action, @Argument List<String> deviations,
                      Authentication authentication, GraphQLContext context) {
        var opened = capas.open(new OpenCapaRequest(title, action, deviations.stream()
                .map(d -> GlobalIds.keyOf(d, RecordType.DEVIATION)).toList(), CurrentActor.of(authentication),
                AuthenticationTime.of(authentication, props.directGrantClients()), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, opened.bookmarks());
        return CapaView.of(opened.capa());
    }

    @MutationMapping
    CapaTransition transitionCapa(@Argument String capa, @Argument String transition, @Argument String reason,
                                  Authentication authentication, GraphQLContext context) {
        var done = capas.take(new TransitionRequest(key(capa), transition, reason, null, null,
                CurrentActor.of(authentication), AuthenticationTime.of(authentication, props.directGrantClients()),
                UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, done.bookmarks());
        var t = done.transition();
        return new CapaTransition(CapaView.of(done.capa()), t.transition(), t.fromState(), t.toState(), t.reason(),
                t.signatureKey(), done.seq());
    }

    /** A CAPA is no node type: its ID ({@code Capa:<key>}) or its key. */
    static String key(String capa) {
        if (capa.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("capa of " + capa.length() + " characters is longer than the limit "
                    + MAX_ID_LENGTH);
        }
        return capa.startsWith(PREFIX) ? capa.substring(PREFIX.length()) : capa;
    }

    /** The SDL's Capa. */
    record CapaView(String id, String key, String title, String action, String status, List<String> deviations,
                    Instant openedAt, Instant closedAt) {
        static CapaView of(Capa c) {
            return new CapaView(PREFIX + c.key(), c.key(), c.title(), c.action(), c.status().name(),
                    c.deviations().stream().map(RecordRef::toString).toList(), c.openedAt(), c.closedAt());
        }
    }

    /** The API's view of a CAPA transition taken. */
    record CapaTransition(CapaView capa, String transition, String fromState, String toState, String reason,
                          String signatureKey, long seq) {
    }
}
