package org.batchledger.hub.workflow;

import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.hub.workflow.ChangeControlController.ChangeControlView;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code changeControls} and {@code changeControl}: read-only, current versions, keyset pages like {@code capas}. */
@Controller
class ChangeControlQueryController {
    private final RecordQueries records;

    ChangeControlQueryController(RecordQueries records) {
        this.records = records;
    }

    @QueryMapping
    Page<ChangeControlView> changeControls(@Argument Integer first, @Argument String after,
                                           @Argument ChangeControlFilter filter) {
        RecordFilter f = RecordFilter.none().equal("status", filter == null ? null : filter.status());
        Page<ChangeControl> page = records.page(RecordType.CHANGE_CONTROL, f, Paging.of(first, after));
        return new Page<>(page.items().stream().map(ChangeControlView::of).toList(), page.keys(), page.hasNext(),
                page.hasPrevious());
    }

    @QueryMapping
    ChangeControlView changeControl(@Argument String id) {
        return records.<ChangeControl>byKey(RecordType.CHANGE_CONTROL, ChangeControlController.key(id))
                .map(ChangeControlView::of).orElseThrow(() -> new NotFoundException(id));
    }

    record ChangeControlFilter(ChangeControl.ChangeStatus status) {
    }
}
