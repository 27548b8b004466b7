/**
 * What an inspector reads from the ledger: the audit trail of a record, ranges of entries, and inclusion and
 * consistency proofs built from O(log n) stored Merkle nodes fetched in one query.
 */
package org.batchledger.lineage.ledger.audit;
