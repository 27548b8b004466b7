/**
 * The ledger over GraphQL: signed checkpoints, inclusion and consistency proofs, full verification, the audit
 * trail and entry ranges (inspector and admin), and corrections. Controllers delegate to lineage-graph's ledger.
 */
package org.batchledger.hub.ledger;
