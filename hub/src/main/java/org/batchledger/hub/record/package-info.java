/**
 * Materials, lots, batches and equipment over GraphQL, with the one-hop genealogy fields (inputs, outputs,
 * producedBy, consumedBy). Every child list is batched across parents.
 */
package org.batchledger.hub.record;
