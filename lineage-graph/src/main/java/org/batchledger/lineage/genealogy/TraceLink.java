package org.batchledger.lineage.genealogy;

import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/** A genealogy edge between two traced nodes, always pointing downstream: lot → batch or batch → lot. */
public record TraceLink(RecordRef from, RecordRef to) {
    /** The order of a trace's links and their cursor. */
    public String sortKey() {
        return from + ">" + to;
    }

    /** {@code CONSUMED_IN} from a lot, {@code PRODUCED} from a batch. */
    public String relationship() {
        return from.type() == RecordType.LOT ? "CONSUMED_IN" : "PRODUCED";
    }
}
