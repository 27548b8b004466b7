/**
 * Evidence packages: what an inspector takes away — a batch's record versions with their exact ledger entries,
 * proofs against signed checkpoints, signatures, audit trail, genealogy and originals, listed in a signed
 * manifest (docs/evidence-package.md). Reads the ledger and the genealogy; writes nothing to the graph.
 */
package org.batchledger.lineage.evidence;
