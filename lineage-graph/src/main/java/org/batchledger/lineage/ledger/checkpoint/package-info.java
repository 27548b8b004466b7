/**
 * Signed checkpoints of the ledger's Merkle tree: C2SP {@code tlog-checkpoint} notes signed with the hub's
 * Ed25519 key, stored as {@code (:Checkpoint)} so an inspector can fetch, export and later hold the hub to them.
 */
package org.batchledger.lineage.ledger.checkpoint;
