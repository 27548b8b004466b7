package org.batchledger.lineage.genealogy;

/** Which way a trace walks the genealogy edges, which always point downstream (lot → batch → lot). */
public enum TraceDirection {
    /** What went into the start: towards raw materials. */
    UPSTREAM,
    /** Where the start went: towards finished product. */
    DOWNSTREAM
}
