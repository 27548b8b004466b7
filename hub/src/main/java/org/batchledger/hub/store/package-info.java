/** Wires the graph store: embedded Neo4j by default, an external server or cluster when configured. */
package org.batchledger.hub.store;
