package org.batchledger.lineage.evidence;

/**
 * What a package is about: one batch (its record, genealogy and release), or a recall (a lot and the lots and
 * batches downstream of it, each batch in full).
 */
public enum EvidenceScope {
    BATCH,
    RECALL
}
