package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.verify.LedgerReport.RecordMismatch;

/** Collects what a verification finds; lists are capped so a wholesale tamper cannot exhaust memory. */
final class Findings {
    static final int CAP = 1_000;

    final List<String> problems = new ArrayList<>();
    final List<RecordMismatch> mismatches = new ArrayList<>();
    long mismatchCount;
    Long firstBadEntry;
    long badEntries;

    void problem(String text) {
        if (problems.size() < CAP) {
            problems.add(text);
        }
    }

    void badEntry(long seq, String reason) {
        if (firstBadEntry == null) {
            firstBadEntry = seq;
        }
        badEntries++;
        problem("entry " + seq + ": " + reason);
    }

    void mismatch(String type, String key, Long seq, String reason) {
        mismatchCount++;
        if (mismatches.size() < CAP) {
            mismatches.add(new RecordMismatch(type, key, seq, reason));
        }
    }

    /** Adds what another collection found (its uncapped mismatch count too). */
    void addAll(Findings other) {
        other.problems.forEach(this::problem);
        other.mismatches.forEach(m -> mismatch(m.entityType(), m.entityKey(), m.ledgerSeq(), m.reason()));
        mismatchCount += other.mismatchCount - other.mismatches.size();
    }

    boolean clean() {
        return problems.isEmpty() && mismatchCount == 0;
    }
}
