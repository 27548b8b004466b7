/**
 * Genealogy traversal: every lot and batch reachable from a start through {@code CONSUMED_IN}/{@code PRODUCED},
 * upstream or downstream, as distinct nodes with hop distances — never as enumerated paths, which explode on
 * reconverging genealogy. A breadth-first search keeps the visited set in memory and asks Neo4j for one hop of the
 * whole frontier per query ({@code UNWIND $keys}), so the work is linear in the reached edges. Traces are bounded
 * by hops, a node budget and a deadline, and say which bound cut them; recall impact and common upstream build on
 * the same traversal.
 */
package org.batchledger.lineage.genealogy;
