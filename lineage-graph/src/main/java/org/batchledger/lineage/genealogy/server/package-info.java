/**
 * Genealogy code that runs inside the Neo4j server as a procedure, so a whole trace costs one round trip. The
 * embedded server registers it at start; against a server without it (an external Neo4j: a plugin jar is not built
 * yet) the hub walks hop by hop over the driver.
 */
package org.batchledger.lineage.genealogy.server;
