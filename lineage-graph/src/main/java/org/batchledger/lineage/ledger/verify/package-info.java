/**
 * Full ledger verification, streamed in keyset pages that a second thread reads ahead while the caller checks
 * (bounded, so memory stays flat and a run goes at the pace of the slower of store and CPU): re-derives every
 * entry's canonical bytes and hash, the chain, the Merkle root (against the head and every signed checkpoint,
 * signatures checked), and a replay of the entries against the whole graph: every element an entry implies must be
 * exactly as stored (content re-hashed from the stored properties, bookkeeping, labels, edges, ends), and the
 * store's counts must hold nothing more. A {@code LedgerReport} names the first bad entry and every mismatching
 * record, field or edge with its entry.
 */
package org.batchledger.lineage.ledger.verify;
