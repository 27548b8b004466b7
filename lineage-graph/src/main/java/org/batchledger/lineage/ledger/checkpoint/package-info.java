/**
 * Signed checkpoints of the ledger's Merkle tree: C2SP {@code tlog-checkpoint} notes signed with the hub's
 * Ed25519 key, kept in an append-only log beside the key and stored as {@code (:Checkpoint)} so an inspector can
 * fetch, export and later hold the hub to them. A new one is signed only after a consistency proof from the last
 * one kept; the log and the database are reconciled at start.
 */
package org.batchledger.lineage.ledger.checkpoint;
