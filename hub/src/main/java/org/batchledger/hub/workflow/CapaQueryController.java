package org.batchledger.hub.workflow;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.workflow.CapaController.CapaView;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code capas} and {@code capa}: read-only, current versions, keyset pages like the other record lists. */
@Controller
class CapaQueryController {
    private final RecordQueries records;

    CapaQueryController(RecordQueries records) {
        this.records = records;
    }

    @QueryMapping
    Page<CapaView> capas(@Argument Integer first, @Argument String after, @Argument CapaFilter filter) {
        RecordFilter f = RecordFilter.none().equal("status", filter == null ? null : filter.status());
        Page<Capa> page = records.page(RecordType.CAPA, f, Paging.of(first, after));
        return new Page<>(page.items().stream().map(CapaView::of).toList(), page.keys(), page.hasNext(),
                page.hasPrevious());
    }

    @QueryMapping
    CapaView capa(@Argument String id) {
        return records.<Capa>byKey(RecordType.CAPA, CapaController.key(id)).map(CapaView::of)
                .orElseThrow(() -> new NotFoundException(id));
    }

    /** Batched with every other reference of the response (one query per level), not one read per CAPA. */
    @SchemaMapping(typeName = "Capa")
    CompletableFuture<List<LedgerRecord>> addressedDeviations(CapaView capa, DataFetchingEnvironment env) {
        return RecordLookup.all(env, capa.deviations().stream()
                .map(id -> new RecordRef(RecordType.DEVIATION, GlobalIds.keyOf(id, RecordType.DEVIATION))).toList());
    }

    record CapaFilter(Capa.CapaStatus status) {
    }
}
