/**
 * Reads of the ingest feature: the SourceFile records that ingested records come from, and the review queue of
 * what an ingest left unlinked (references waiting for their target, results naming only a sample). Writes go
 * through {@code lineage.write.FileIngests}.
 */
package org.batchledger.lineage.ingest;
