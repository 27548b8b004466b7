package org.batchledger.hub.genealogy;

import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.Batched;
import org.batchledger.hub.api.GlobalIds;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.hub.api.Paging;
import org.batchledger.lineage.query.Neighbours;
import org.batchledger.lineage.query.Neighbours.Hop;
import org.batchledger.lineage.query.Page;
import org.batchledger.lineage.query.RecordFilter;
import org.batchledger.lineage.query.RecordQueries;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.RecordType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Equipment with its cleaning, calibration and deviation history. */
@Controller
class EquipmentController {
    private final RecordQueries records;
    private final Neighbours neighbours;

    EquipmentController(RecordQueries records, Neighbours neighbours) {
        this.records = records;
        this.neighbours = neighbours;
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

    @BatchMapping
    Map<Equipment, List<Cleaning>> cleanings(List<Equipment> equipment) {
        return Batched.listsBySource(equipment, Equipment::key,
                neighbours.all(Hop.EQUIPMENT_CLEANINGS, Batched.keys(equipment, Equipment::key)));
    }

    @BatchMapping
    Map<Equipment, List<Calibration>> calibrations(List<Equipment> equipment) {
        return Batched.listsBySource(equipment, Equipment::key,
                neighbours.all(Hop.EQUIPMENT_CALIBRATIONS, Batched.keys(equipment, Equipment::key)));
    }

    @BatchMapping(field = "deviations")
    Map<Equipment, List<Deviation>> equipmentDeviations(List<Equipment> equipment) {
        return Batched.listsBySource(equipment, Equipment::key,
                neighbours.all(Hop.EQUIPMENT_DEVIATIONS, Batched.keys(equipment, Equipment::key)));
    }

    /** The equipment each use refers to. */
    @BatchMapping(typeName = "EquipmentUse", field = "equipment")
    Map<EquipmentUse, Equipment> usedEquipment(List<EquipmentUse> uses) {
        return Batched.bySource(uses, EquipmentUse::equipmentKey,
                records.byKeys(RecordType.EQUIPMENT, Batched.keys(uses, EquipmentUse::equipmentKey)));
    }
}
