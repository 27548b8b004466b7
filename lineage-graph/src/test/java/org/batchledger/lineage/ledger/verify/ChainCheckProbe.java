package org.batchledger.lineage.ledger.verify;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.batchledger.lineage.ledger.StoredEntry;
import org.batchledger.lineage.store.GraphDatabase;

/**
 * The benchmarks' way into the package-private chain check: the CPU path alone over entries held in memory, or
 * the chain and tree read from the store (pages read ahead, as {@link LedgerVerifier} does), without records.
 */
public final class ChainCheckProbe {
    private ChainCheckProbe() {
    }

    /** What one pass found: entries and canonical bytes checked, whether all was clean, the recomputed root. */
    public record Outcome(long entries, long bytes, boolean clean, String root) {
    }

    /** Checks stored entries (fields as read from the store) in pages, on the calling thread only. */
    public static Outcome cpu(List<StoredEntry> entries) {
        ChainCheck chain = new ChainCheck(Set.of());
        Findings findings = new Findings();
        for (int from = 0; from < entries.size(); from += ChainCheck.PAGE) {
            chain.check(entries.subList(from, Math.min(entries.size(), from + ChainCheck.PAGE)), findings);
        }
        return outcome(chain, findings);
    }

    /** Reads and checks the entries {@code 1..last} from the store. */
    public static Outcome store(GraphDatabase db, long last) {
        ChainCheck chain = new ChainCheck(Set.of());
        Findings findings = new Findings();
        chain.run(db, last, findings);
        return outcome(chain, findings);
    }

    private static Outcome outcome(ChainCheck chain, Findings findings) {
        return new Outcome(chain.tree.size(), chain.bytes, findings.clean(),
                HexFormat.of().formatHex(chain.tree.root()));
    }
}
