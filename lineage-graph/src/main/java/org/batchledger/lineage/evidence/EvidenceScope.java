package org.batchledger.lineage.evidence;

/** What a package is about: one batch (its record, genealogy and release), or a recall (not built yet). */
public enum EvidenceScope {
    BATCH,
    RECALL
}
