/**
 * The embedded default store: Neo4j Community in-process with Bolt on loopback. The only package that touches the
 * Neo4j server API; everything else, the hub included, talks to it through the driver with {@code neo4j://}.
 */
package org.batchledger.lineage.store.embedded;
