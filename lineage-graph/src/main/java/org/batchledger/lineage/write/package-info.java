/**
 * The one write path: generator, GraphQL mutations and ingest all hand canonical records here. A write is
 * validated as a whole, then its graph changes and ledger entries commit in one transaction, or nothing does.
 */
package org.batchledger.lineage.write;
