/**
 * The adapter contract: {@link org.batchledger.ingest.IngestAdapter} turns one file into canonical records with
 * locators, streamed into a {@link org.batchledger.ingest.RecordSink}; {@link org.batchledger.ingest.Adapters}
 * chooses one by name or content. One sub-package per format family, each with its parser and content sniffer.
 */
package org.batchledger.ingest;
