package org.batchledger.hub.workflow;

import graphql.GraphQLContext;
import java.time.Instant;
import java.util.UUID;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.AuthenticationTime;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.workflow.EquipmentCareWorkflows;
import org.batchledger.lineage.workflow.RecordCareRequest;
import org.batchledger.lineage.workflow.TransitionRequest;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Calibration.CalibrationOutcome;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code recordCleaning}, {@code recordCalibration} and their verification by a second person. */
@Controller
class EquipmentCareController {
    private final EquipmentCareWorkflows care;
    private final WorkflowProperties props;

    EquipmentCareController(EquipmentCareWorkflows care, WorkflowProperties props) {
        this.care = care;
        this.props = props;
    }

    @MutationMapping
    Cleaning recordCleaning(@Argument String equipment, @Argument String method, @Argument Instant performedAt,
                            @Argument Instant validUntil, Authentication authentication, GraphQLContext context) {
        var r = care.recordCleaning(new RecordCareRequest(GlobalIds.keyOf(equipment, RecordType.EQUIPMENT), method,
                null, performedAt, validUntil, CurrentActor.of(authentication), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, r.bookmarks());
        return r.record();
    }

    @MutationMapping
    Calibration recordCalibration(@Argument String equipment, @Argument CalibrationOutcome outcome,
                                  @Argument Instant performedAt, @Argument Instant dueAt,
                                  Authentication authentication, GraphQLContext context) {
        var r = care.recordCalibration(new RecordCareRequest(GlobalIds.keyOf(equipment, RecordType.EQUIPMENT), null,
                outcome, performedAt, dueAt, CurrentActor.of(authentication), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, r.bookmarks());
        return r.record();
    }

    @MutationMapping
    Verification verifyCleaning(@Argument String cleaning, @Argument String reason, Authentication authentication,
                                GraphQLContext context) {
        var v = care.takeCleaning(request(GlobalIds.keyOf(cleaning, RecordType.CLEANING), reason, authentication));
        BookmarkExtensions.remember(context, v.bookmarks());
        return Verification.of(cleaning, v.record().verifiedBy(), v.record().verifiedAt(), v);
    }

    @MutationMapping
    Verification verifyCalibration(@Argument String calibration, @Argument String reason,
                                   Authentication authentication, GraphQLContext context) {
        var v = care.takeCalibration(request(GlobalIds.keyOf(calibration, RecordType.CALIBRATION), reason,
                authentication));
        BookmarkExtensions.remember(context, v.bookmarks());
        return Verification.of(calibration, v.record().verifiedBy(), v.record().verifiedAt(), v);
    }

    private TransitionRequest request(String key, String reason, Authentication authentication) {
        return TransitionRequest.of(key, "VERIFY", reason, null, CurrentActor.of(authentication),
                AuthenticationTime.of(authentication, props.directGrantClients()), UUID.randomUUID().toString());
    }

    /** The SDL's EquipmentCareVerification. */
    record Verification(String record, String verifiedBy, Instant verifiedAt, String fromState, String toState,
                        String reason, String signatureKey, long seq) {
        static Verification of(String id, String by, Instant at, EquipmentCareWorkflows.Verified<?> v) {
            var t = v.transition();
            return new Verification(id, by, at, t.fromState(), t.toState(), t.reason(), t.signatureKey(), v.seq());
        }
    }
}
