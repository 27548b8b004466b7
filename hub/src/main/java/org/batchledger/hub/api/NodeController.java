package org.batchledger.hub.api;

import org.batchledger.lineage.query.RecordQueries;
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
