package org.batchledger.hub.ingest;

import java.io.InputStream;
import org.batchledger.lineage.ledger.Actor;

/**
 * One file to ingest and how.
 *
 * @param adapter the adapter's name, or null to choose by content
 * @param mapping a mapping document for adapters that take one (CSV layouts), or null
 * @param about   the lot or batch a document is about ({@code Lot:<id>}, {@code Batch:<id>}), or null
 * @param strict  refuse references to records not recorded yet instead of keeping them open
 * @param channel {@code http}, {@code drop-folder}: where the file came in
 */
record Upload(InputStream content, String fileName, String adapter, byte[] mapping, String about, boolean strict,
              Actor actor, String channel) {
}
