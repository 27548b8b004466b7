package org.batchledger.hub.genealogy;

import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.lineage.genealogy.RecallImpact;
import org.batchledger.lineage.genealogy.RecallImpactAnalysis;
import org.batchledger.schema.record.RecordType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Recall impact for GraphQL and CSV alike, with the roles of the GraphQL field (defence in depth). */
@Service
class RecallImpactService {
    private final RecallImpactAnalysis analysis;

    RecallImpactService(RecallImpactAnalysis analysis) {
        this.analysis = analysis;
    }

    @PreAuthorize("hasAnyRole('qa-reviewer', 'qa-release', 'inspector', 'admin')")
    RecallImpact of(String lotId) {
        return analysis.of(GlobalIds.keyOf(lotId, RecordType.LOT)).orElseThrow(() -> new NotFoundException(lotId));
    }
}
