package org.batchledger.lineage.ledger.verify;

import java.util.List;

/**
 * The outcome of a full verification.
 *
 * @param firstBadEntry       sequence number of the first entry that fails a check, or null
 * @param badEntries          how many entries failed a check
 * @param problems            ledger-level findings (chain, tree, head, checkpoints, counts), capped
 * @param recordMismatches    records whose stored content does not match their entry, capped
 * @param recordMismatchCount all of them, however many were listed
 * @param canonicalBytes      bytes of canonical entry JSON hashed
 * @param elapsedMillis       the whole check
 * @param chainMillis         its first phase: entries re-derived and chained, the tree and checkpoints (the rest
 *                            re-reads and re-hashes every graph record against its entry)
 */
public record LedgerReport(boolean ok, long entriesChecked, long canonicalBytes, long recordsChecked,
                           int checkpointsChecked, long treeSize, String rootHash, Long firstBadEntry,
                           long badEntries, List<String> problems, List<RecordMismatch> recordMismatches,
                           long recordMismatchCount, long elapsedMillis, long chainMillis) {

    /** One record that does not match its ledger entry. */
    public record RecordMismatch(String entityType, String entityKey, Long ledgerSeq, String reason) {
    }
}
