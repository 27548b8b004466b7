/**
 * The release feature's GraphQL side: release readiness ({@code releaseReadiness}, {@code releaseQueue},
 * {@code reviewQueue}) and the ALCOA+ assessment ({@code alcoa}, {@code alcoaRules}). Arguments are checked here
 * (batch ID, asOf against the ledger, paging); the checks, exceptions, queue and rules live in
 * {@code lineage.release} and {@code lineage.release.alcoa}. Every answer is pinned to a tree size and says which.
 * The product specifications come from a JSON file ({@code batchledger.release.specifications}).
 */
package org.batchledger.hub.release;
