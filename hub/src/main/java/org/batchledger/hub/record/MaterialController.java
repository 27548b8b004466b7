package org.batchledger.hub.record;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.loader.ChildPages;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Material masters and their lots. */
@Controller
class MaterialController {
    private final RecordQueries records;

    MaterialController(RecordQueries records) {
        this.records = records;
    }

    @QueryMapping
    Material material(@Argument String id) {
        return records.<Material>byKey(RecordType.MATERIAL, GlobalIds.keyOf(id, RecordType.MATERIAL))
                .orElseThrow(() -> new NotFoundException(id));
    }

    @QueryMapping
    Page<Material> materials(@Argument Integer first, @Argument String after, @Argument MaterialFilter filter) {
        RecordFilter f = filter == null ? RecordFilter.none() : RecordFilter.none().equal("kind", filter.kind());
        return records.page(RecordType.MATERIAL, f, Paging.of(first, after));
    }

    @SchemaMapping
    CompletableFuture<Page> lots(Material material, @Argument Integer first, @Argument String after,
                                 DataFetchingEnvironment env) {
        return ChildPages.load(env, Hop.MATERIAL_LOTS, material.key(), first, after);
    }

    record MaterialFilter(Material.MaterialKind kind) {
    }
}
