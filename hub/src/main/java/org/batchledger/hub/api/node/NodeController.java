package org.batchledger.hub.api.node;

import org.batchledger.hub.api.NotFoundException;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id:)}: any record the API serves, by global ID. */
@Controller
class NodeController {
    private final RecordQueries records;

    NodeController(RecordQueries records) {
        this.records = records;
    }

    @QueryMapping
    LedgerRecord node(@Argument String id) {
        RecordRef ref = GlobalIds.parse(id);
        return records.byKey(ref.type(), ref.key()).orElseThrow(() -> new NotFoundException(id));
    }
}
