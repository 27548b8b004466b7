package org.batchledger.synthplant;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Document;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;

/**
 * Every record a record points at, and the relationship the graph draws for it (DESIGN.md's graph model; AFFECTS
 * and ABOUT are this generator's names for change-control and document links the sketch leaves open). A null
 * relationship marks a reference that is no relationship of its own: the ends of an edge record, or a batch's
 * product and master record, which are properties.
 */
final class References {
    private References() {
    }

    record Reference(RecordRef target, String relationship) {
    }

    static List<Reference> of(LedgerRecord record) {
        List<Reference> refs = new ArrayList<>(2);
        switch (record) {
            case Lot r -> refs.add(ref(RecordType.MATERIAL, r.materialKey(), "OF"));
            case Batch r -> {
                refs.add(ref(RecordType.MATERIAL, r.productKey(), null));
                refs.add(ref(RecordType.DOCUMENT, r.masterRecord(), null));
            }
            case Consumption r -> ends(refs, RecordType.LOT, r.lotKey(), RecordType.BATCH, r.batchKey());
            case Production r -> ends(refs, RecordType.BATCH, r.batchKey(), RecordType.LOT, r.lotKey());
            case EquipmentUse r -> ends(refs, RecordType.BATCH, r.batchKey(), RecordType.EQUIPMENT, r.equipmentKey());
            case StepRecord r -> refs.add(ref(RecordType.BATCH, r.batchKey(), "IN"));
            case TestResult r -> refs.add(new Reference(r.subject(), "ON"));
            case Cleaning r -> refs.add(ref(RecordType.EQUIPMENT, r.equipmentKey(), "ON"));
            case Calibration r -> refs.add(ref(RecordType.EQUIPMENT, r.equipmentKey(), "ON"));
            case Deviation r -> r.impacts().forEach(t -> refs.add(new Reference(t, "IMPACTS")));
            case ChangeControl r -> r.affects().forEach(t -> refs.add(new Reference(t, "AFFECTS")));
            case Document r -> {
                if (r.about() != null) {
                    refs.add(new Reference(r.about(), "ABOUT"));
                }
            }
            case Signature r -> refs.add(new Reference(r.signs(), "SIGNS"));
            default -> {
                // Material, Equipment, SourceFile point at nothing.
            }
        }
        return refs;
    }

    private static Reference ref(RecordType type, String key, String relationship) {
        return new Reference(new RecordRef(type, key), relationship);
    }

    private static void ends(List<Reference> refs, RecordType fromType, String from, RecordType toType, String to) {
        refs.add(ref(fromType, from, null));
        refs.add(ref(toType, to, null));
    }
}
