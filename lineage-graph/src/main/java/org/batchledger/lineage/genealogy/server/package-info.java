/**
 * Genealogy code that runs inside the Neo4j server as a procedure, so a whole trace costs one round trip. The
 * embedded server registers it at start; an external server has it when the lineage-graph and schema jars are in its
 * plugins folder, and the hub walks hop by hop over the driver when it is absent.
 */
package org.batchledger.lineage.genealogy.server;
