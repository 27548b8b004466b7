/**
 * The lineage graph: Neo4j graph model, all Cypher, genealogy, the ledger, ALCOA+ rules and release readiness.
 * Knows nothing of GraphQL or HTTP and reaches the database only through the Neo4j Java driver.
 */
package org.batchledger.lineage;
