/**
 * GraphQL over the genealogy traversal: {@code trace}, {@code recallImpact} (and its CSV export) and
 * {@code commonUpstream}. Arguments are checked here (limits, which ID types trace); the traversal itself lives in
 * {@code lineage.genealogy}. Trace answers are computed once per request and kept briefly, so paging through a large
 * trace does not walk the graph again; the order (hop, then ID) is deterministic, so cursors stay valid either way.
 */
package org.batchledger.hub.genealogy;
