package org.batchledger.lineage.genealogy;

import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * A genealogy edge between two traced nodes, always pointing downstream: lot → batch, batch → lot, or lot → one of
 * its sub-lots (material flows from the lot into the drum or portion divided from it).
 */
public record TraceLink(RecordRef from, RecordRef to) {
    /** The order of a trace's links and their cursor. */
    public String sortKey() {
        return from + ">" + to;
    }

    /**
     * The stored relationship behind the link: {@code CONSUMED_IN} from a lot to a batch, {@code PRODUCED} from a
     * batch, {@code SUBLOT_OF} from a lot to its sub-lot (stored the other way: sub-lot → lot).
     */
    public String relationship() {
        if (from.type() == RecordType.BATCH) {
            return "PRODUCED";
        }
        return to.type() == RecordType.BATCH ? "CONSUMED_IN" : "SUBLOT_OF";
    }
}
