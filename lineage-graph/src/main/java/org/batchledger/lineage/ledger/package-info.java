/**
 * The tamper-evident ledger: an append-only, hash-chained sequence of entries (who, when, what, why), appended in
 * the same transaction as the graph change it records.
 */
package org.batchledger.lineage.ledger;
