package org.batchledger.hub.record;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.loader.ChildLists;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.Page;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Equipment with its cleaning, calibration and deviation history, read at the asOf of its subtree. */
@Controller
class EquipmentController {
    private final RecordQueries records;

    EquipmentController(RecordQueries records) {
        this.records = records;
    }

    @QueryMapping
    Equipment equipment(@Argument String id) {
        return records.<Equipment>byKey(RecordType.EQUIPMENT, GlobalIds.keyOf(id, RecordType.EQUIPMENT))
                .orElseThrow(() -> new NotFoundException(id));
    }

    @QueryMapping
    Page<Equipment> equipmentList(@Argument Integer first, @Argument String after) {
        return records.page(RecordType.EQUIPMENT, RecordFilter.none(), Paging.of(first, after));
    }

    @SchemaMapping
    CompletableFuture<List<Cleaning>> cleanings(Equipment equipment, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.EQUIPMENT_CLEANINGS, equipment.key());
    }

    @SchemaMapping
    CompletableFuture<List<Calibration>> calibrations(Equipment equipment, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.EQUIPMENT_CALIBRATIONS, equipment.key());
    }

    @SchemaMapping(typeName = "Equipment", field = "deviations")
    CompletableFuture<List<Deviation>> equipmentDeviations(Equipment equipment, DataFetchingEnvironment env) {
        return ChildLists.load(env, Hop.EQUIPMENT_DEVIATIONS, equipment.key());
    }

    /** The equipment each use refers to. */
    @SchemaMapping(typeName = "EquipmentUse", field = "equipment")
    CompletableFuture<Equipment> usedEquipment(EquipmentUse use, DataFetchingEnvironment env) {
        return RecordLookup.one(env, new RecordRef(RecordType.EQUIPMENT, use.equipmentKey()));
    }
}
