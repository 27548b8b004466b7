package org.batchledger.lineage.ledger.verify;

import java.io.PrintStream;
import org.batchledger.lineage.ledger.verify.LedgerReport.RecordMismatch;

/** A {@link LedgerReport} as the command line prints it: a verdict line, then one line per finding. */
final class LedgerReportText {
    private LedgerReportText() {
    }

    static void print(LedgerReport r, PrintStream out) {
        out.printf("%s: %,d entries (%,d canonical bytes), %,d records, %d checkpoints checked in %,d ms%n",
                r.ok() ? "ok" : "FAILED", r.entriesChecked(), r.canonicalBytes(), r.recordsChecked(),
                r.checkpointsChecked(), r.elapsedMillis());
        out.printf("tree size %,d, root %s%n", r.treeSize(), r.rootHash());
        if (r.firstBadEntry() != null) {
            out.printf("first bad entry: %d (%,d bad entries)%n", r.firstBadEntry(), r.badEntries());
        }
        r.problems().forEach(p -> out.println("problem: " + p));
        if (r.recordMismatchCount() > 0) {
            out.printf("record mismatches: %,d%n", r.recordMismatchCount());
        }
        for (RecordMismatch m : r.recordMismatches()) {
            out.printf("record %s %s (entry %s): %s%n", m.entityType(), m.entityKey(), m.ledgerSeq(), m.reason());
        }
        if (r.problems().size() >= Findings.CAP || r.recordMismatches().size() < r.recordMismatchCount()) {
            out.printf("(lists capped at %,d lines each)%n", Findings.CAP);
        }
    }
}
