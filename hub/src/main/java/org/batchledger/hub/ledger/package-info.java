/**
 * The ledger over GraphQL: signed checkpoints, inclusion and consistency proofs, full verification, the audit
 * trail and entry ranges (inspector and admin), and corrections. Controllers delegate to lineage-graph's ledger.
 * Read-your-writes: a mutation returns its bookmarks, and a later request that sends them back has every read
 * wait for them.
 */
package org.batchledger.hub.ledger;
