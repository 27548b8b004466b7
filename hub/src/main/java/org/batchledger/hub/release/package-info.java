/**
 * The release feature's GraphQL side: the ALCOA+ assessment of a batch ({@code alcoa}, {@code alcoaRules}) over the
 * engine of {@code org.batchledger.lineage.release.alcoa}. Controllers delegate; the rules live in lineage-graph.
 */
package org.batchledger.hub.release;
