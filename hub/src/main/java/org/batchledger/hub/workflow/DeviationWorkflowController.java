package org.batchledger.hub.workflow;

import graphql.GraphQLContext;
import java.util.List;
import java.util.UUID;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.AuthenticationTime;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.workflow.DeviationWorkflows;
import org.batchledger.lineage.workflow.TransitionRequest;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code transitionDeviation}: who and when they authenticated come from the token, as for {@code sign}. */
@Controller
class DeviationWorkflowController {
    private final DeviationWorkflows workflows;
    private final WorkflowProperties props;

    DeviationWorkflowController(DeviationWorkflows workflows, WorkflowProperties props) {
        this.workflows = workflows;
        this.props = props;
    }

    @MutationMapping
    DeviationTransition transitionDeviation(@Argument String deviation, @Argument String transition,
                                            @Argument String reason, @Argument String rootCause,
                                            @Argument String capaReference, @Argument String classification,
                                            Authentication authentication, GraphQLContext context) {
        var done = workflows.take(new TransitionRequest(GlobalIds.keyOf(deviation, RecordType.DEVIATION), transition,
                reason, rootCause, capaReference, classification, CurrentActor.of(authentication),
                AuthenticationTime.of(authentication, props.directGrantClients()), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, done.bookmarks());
        var t = done.transition();
        return new DeviationTransition(done.deviation(), t.transition(), t.fromState(), t.toState(), t.rootCause(),
                t.capaReference(), t.reason(), t.signatureKey(), done.seq());
    }

    /** The impact assessment as global IDs (null before the investigation started). */
    @SchemaMapping(typeName = "Deviation", field = "impactAssessment")
    List<String> impactAssessment(Deviation deviation) {
        return deviation.impactAssessment() == null ? null
                : deviation.impactAssessment().stream().map(RecordRef::toString).toList();
    }

    /** The API's view of a transition taken. */
    record DeviationTransition(Deviation deviation, String transition, String fromState, String toState,
                               String rootCause, String capaReference, String reason, String signatureKey, long seq) {
    }
}
