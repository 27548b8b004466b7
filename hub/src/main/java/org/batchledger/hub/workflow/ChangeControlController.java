package org.batchledger.hub.workflow;

import graphql.GraphQLContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.AuthenticationTime;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.workflow.ChangeAssessment;
import org.batchledger.lineage.workflow.ChangeControlWorkflows;
import org.batchledger.lineage.workflow.OpenChangeControlRequest;
import org.batchledger.lineage.workflow.TransitionRequest;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.ChangeControl.ValidationImpact;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * {@code openChangeControl} and {@code transitionChangeControl}: who and when they authenticated come from the token.
 */
@Controller
class ChangeControlController {
    /** As GlobalIds: longer than any key, refused before it is read. */
    private static final int MAX_ID_LENGTH = 512;
    private static final String PREFIX = RecordType.CHANGE_CONTROL.graphName() + ":";

    private final ChangeControlWorkflows changes;
    private final WorkflowProperties props;

    ChangeControlController(ChangeControlWorkflows changes, WorkflowProperties props) {
        this.changes = changes;
        this.props = props;
    }

    @MutationMapping
    ChangeControlView openChangeControl(@Argument String title, @Argument List<String> affects,
                                        Authentication authentication, GraphQLContext context) {
        var opened = changes.open(new OpenChangeControlRequest(title, affects.stream().map(GlobalIds::parse).toList(),
                CurrentActor.of(authentication), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, opened.bookmarks());
        return ChangeControlView.of(opened.changeControl());
    }

    @MutationMapping
    ChangeControlTransition transitionChangeControl(@Argument String changeControl, @Argument String transition,
                                                    @Argument String reason, @Argument Map<String, Object> assessment,
                                                    Authentication authentication, GraphQLContext context) {
        var done = changes.take(TransitionRequest.of(key(changeControl), transition, reason, assessment(assessment),
                CurrentActor.of(authentication), AuthenticationTime.of(authentication, props.directGrantClients()),
                UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, done.bookmarks());
        var t = done.transition();
        return new ChangeControlTransition(ChangeControlView.of(done.changeControl()), t.transition(), t.fromState(),
                t.toState(), t.reason(), t.signatureKey(), done.seq());
    }

    private static ChangeAssessment assessment(Map<String, Object> in) {
        if (in == null) {
            return null;
        }
        Object impact = in.get("validationImpact");
        return new ChangeAssessment((String) in.get("impactOnEquipment"), (String) in.get("impactOnRecipes"),
                (String) in.get("impactOnSpecifications"), impact == null ? null : ValidationImpact.valueOf(
                impact.toString()));
    }

    /** A change control is no node type: its ID ({@code ChangeControl:<key>}) or its key. */
    static String key(String id) {
        if (id.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("changeControl of " + id.length() + " characters is longer than the limit "
                    + MAX_ID_LENGTH);
        }
        return id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
    }

    /** The SDL's ChangeControl. */
    record ChangeControlView(String id, String key, String title, String status, List<String> affects,
                             String requestedBy, Instant openedAt, Instant closedAt, String impactOnEquipment,
                             String impactOnRecipes, String impactOnSpecifications, String validationImpact) {
        static ChangeControlView of(ChangeControl c) {
            return new ChangeControlView(PREFIX + c.key(), c.key(), c.title(), c.status().name(),
                    c.affects().stream().map(RecordRef::toString).toList(), c.provenance().recordedBy(), c.openedAt(),
                    c.closedAt(), c.impactOnEquipment(), c.impactOnRecipes(), c.impactOnSpecifications(),
                    c.validationImpact() == null ? null : c.validationImpact().name());
        }
    }

    /** The API's view of a change-control transition taken. */
    record ChangeControlTransition(ChangeControlView changeControl, String transition, String fromState,
                                   String toState, String reason, String signatureKey, long seq) {
    }
}
