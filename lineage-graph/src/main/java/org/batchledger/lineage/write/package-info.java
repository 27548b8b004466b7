/**
 * The one write path. {@link org.batchledger.lineage.write.LedgeredWrite} is the ledgered unit of work (idempotency,
 * head lock, sequence numbers, append, receipt, bookmark); commands plug into it and only validate and supply graph
 * changes and entries: creating records, correcting one under the {@link org.batchledger.lineage.write.CorrectionRules},
 * withdrawing a signature. A command's changes and entries commit in one transaction, or nothing does.
 */
package org.batchledger.lineage.write;
