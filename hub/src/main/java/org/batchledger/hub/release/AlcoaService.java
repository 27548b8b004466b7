package org.batchledger.hub.release;

import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.loader.AsOfArgument;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaEvaluation;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The ALCOA+ assessment with the roles of the GraphQL field (defence in depth). */
@Service
class AlcoaService {
    private final AlcoaEngine engine;
    private final AsOfArgument asOfArgument;

    AlcoaService(AlcoaEngine engine, AsOfArgument asOfArgument) {
        this.engine = engine;
        this.asOfArgument = asOfArgument;
    }

    /** Checks asOf against the ledger as {@code batch(id:, asOf:)} does, then evaluates the batch if recorded. */
    @PreAuthorize("hasAnyRole('operator', 'qa-reviewer', 'qa-release', 'inspector', 'admin')")
    AlcoaEvaluation assess(String batchId, Integer asOf) {
        AsOf at = asOfArgument.parse(asOf);
        return engine.find(batchKey(batchId), at).orElseThrow(() -> new NotFoundException(batchId));
    }

    /** A global ID (a Lot's is a bad request) or a bare key ({@code plant:B-1}, which does not start with a label). */
    private static String batchKey(String id) {
        try {
            RecordRef.parse(id);
        } catch (IllegalArgumentException notAGlobalId) {
            return id;
        }
        return GlobalIds.keyOf(id, RecordType.BATCH);
    }

    @PreAuthorize("hasAnyRole('operator', 'qa-reviewer', 'qa-release', 'inspector', 'admin')")
    java.util.List<org.batchledger.lineage.release.alcoa.AlcoaRule> rules() {
        return engine.ruleSet().rules();
    }
}
