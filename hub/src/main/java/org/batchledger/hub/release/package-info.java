/**
 * GraphQL over release readiness: {@code releaseReadiness}, {@code releaseQueue} and {@code reviewQueue}. Arguments
 * are checked here (batch ID, asOf against the ledger, paging); the checks, exceptions and the queue live in
 * {@code lineage.release}. Every answer is pinned to a tree size and says which. The product specifications come
 * from a JSON file ({@code batchledger.release.specifications}).
 */
package org.batchledger.hub.release;
