/**
 * ISA-88 BatchML batch production records → the batch, its control recipe hierarchy as step records, events,
 * comments, sample results, and the source's personnel identifications as signatures captured in the source
 * system. Shares the streaming cursor and envelope of {@code ingest.b2mml}, whose namespaces BatchML uses.
 */
package org.batchledger.ingest.batchml;
