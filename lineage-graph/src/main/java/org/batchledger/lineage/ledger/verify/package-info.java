/**
 * Full ledger verification, streamed in keyset pages that a second thread reads ahead while the caller checks
 * (bounded, so memory stays flat and a run goes at the pace of the slower of store and CPU): re-derives every
 * entry's canonical bytes and hash, the chain, the Merkle root (against the head and every signed checkpoint,
 * signatures checked), and every record's content hash against the entry that created it, rebuilding the record
 * from its stored properties. A {@code LedgerReport} names the first bad entry and every mismatching record.
 */
package org.batchledger.lineage.ledger.verify;
