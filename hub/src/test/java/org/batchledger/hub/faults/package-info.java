/**
 * Faults and load against real hub processes: child JVMs running the hub on loopback against one Neo4j (two hubs
 * at once, a hub killed with SIGKILL at chosen points of an ingest and restarted), and the soak driver of
 * {@code bench/soak.sh}. The child halts itself at a point named by a system property, when the hub logs the
 * message that marks it, so each kill point is deterministic.
 */
package org.batchledger.hub.faults;
