package org.batchledger.hub.ledger;

import graphql.GraphQLContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.write.CorrectionReceipt;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.schema.record.RecordRef;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Corrections, attributed to the caller's token; values go down as text and lineage-graph types them by the record's
 * fields and applies the correction rules. The bookmark goes to the response extensions.
 */
@Controller
class CorrectionController {
    private final RecordCorrector corrector;

    CorrectionController(RecordCorrector corrector) {
        this.corrector = corrector;
    }

    @MutationMapping
    CorrectionReceipt correct(@Argument String id, @Argument String reason, @Argument List<FieldChange> changes,
                              Authentication authentication, GraphQLContext context) {
        if (changes == null || changes.isEmpty()) {
            throw new BadRequestException("argument 'changes' must name at least one field to correct");
        }
        RecordRef ref = GlobalIds.parse(id);
        Map<String, Object> values = new HashMap<>();
        changes.forEach(c -> values.put(c.field(), c.value()));
        CorrectionReceipt receipt = corrector.correct(new CorrectionRequest(ref.type(), ref.key(), values,
                CurrentActor.of(authentication), reason, UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, receipt.bookmarks());
        return receipt;
    }

    /** One field of a correction, as the API receives it. */
    record FieldChange(String field, String value) {
    }
}
