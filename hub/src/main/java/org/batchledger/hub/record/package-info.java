/**
 * Records over GraphQL: materials, lots, batches, equipment, test results and deviations by ID and in filtered
 * pages, with their one-hop fields (inputs, outputs, producedBy, consumedBy, results, deviations, signatures). Every
 * child list is batched across parents. Reads go through {@code lineage.record}.
 */
package org.batchledger.hub.record;
