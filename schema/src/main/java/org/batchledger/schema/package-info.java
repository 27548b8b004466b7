/**
 * The canonical model of Batch Ledger Hub: record types every adapter produces and the graph stores, their
 * canonical JSON, and the GraphQL SDL (under {@code resources/graphql}). Knows nothing of Neo4j, Spring or HTTP.
 */
package org.batchledger.schema;
