/**
 * Evidence packages over the API: {@code exportEvidence} builds one into the hub's data directory, {@code GET
 * /api/evidence/<id>.zip} hands it to the user who asked; packages expire. The content is lineage.evidence's.
 */
package org.batchledger.hub.evidence;
