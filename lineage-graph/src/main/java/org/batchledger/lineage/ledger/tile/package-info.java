/**
 * The ledger's storage in the C2SP tlog-tiles layout: hash tiles {@code (:LedgerTile {level, index, width,
 * hashes})} of 256 Merkle hashes each (level L holds the hashes at tree height 8L) and entry bundles
 * {@code (:LedgerBundle {index, width, data})} of 256 uint16-length-prefixed canonical entries. The right edge is
 * partial and rewritten in place as it grows; a full tile never changes again.
 */
package org.batchledger.lineage.ledger.tile;
