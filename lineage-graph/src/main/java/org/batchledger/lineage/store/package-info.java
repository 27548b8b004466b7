/**
 * Access to Neo4j through the driver: managed read and write transactions only (never auto-commit writes), a
 * round-trip count for N+1 tests, and the versioned schema migrations.
 */
package org.batchledger.lineage.store;
