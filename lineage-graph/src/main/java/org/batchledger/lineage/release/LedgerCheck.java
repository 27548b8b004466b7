package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.release.BatchFacts.Version;

/**
 * The ledger verified for the batch's records, soundly and cheaply: every stored version of the batch's records
 * (the batch, its step records, test results, output lots, deviations, signatures, consumptions, productions and
 * equipment uses) names a ledger entry that exists, is about that record and committed exactly the content hash the
 * version stores — recomputed from the stored properties, so an edit in the database alone is caught — and lies
 * inside the latest signed checkpoint. The checkpoint's own Merkle and chain verification is verifyLedger's; a
 * record newer than the latest checkpoint leaves this check INCOMPLETE until the next one is signed.
 */
final class LedgerCheck {
    static final String NAME = "ledger-verified";
    static final String TITLE = "Ledger verified for the batch's records";

    private LedgerCheck() {
    }

    static ReadinessCheck check(BatchFacts f) {
        List<String> problems = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        long newest = 0;
        for (Version v : f.versions()) {
            newest = Math.max(newest, v.seq());
            String problem = problem(v);
            if (problem != null) {
                problems.add(Checks.capitalized(Checks.named(v.ref())) + " version " + v.version() + " " + problem);
                evidence.add(Evidence.of(v.ref(), "version " + v.version() + ", ledger entry " + v.seq()));
            }
        }
        if (!problems.isEmpty()) {
            return Checks.of(NAME, TITLE, CheckStatus.FAIL, Checks.sentence(problems), evidence);
        }
        Long checkpoint = f.latestCheckpoint();
        if (checkpoint == null || checkpoint < newest) {
            return Checks.of(NAME, TITLE, CheckStatus.INCOMPLETE, "The records of batch " + f.batch().key()
                    + " reach ledger entry " + newest + ", beyond the latest signed checkpoint ("
                    + (checkpoint == null ? "none yet" : "size " + checkpoint) + ").", List.of());
        }
        int n = f.versions().size();
        return Checks.pass(NAME, TITLE, Checks.every(n, "record version", "record versions") + " of batch "
                + f.batch().key() + Checks.verb(n, " matches the content hash its ledger entry committed and lies",
                " match the content hashes their ledger entries committed and lie") + " inside the signed checkpoint"
                + " of size " + checkpoint + ".", List.of());
    }

    /** Why a version does not match its entry, or null when it does. */
    static String problem(Version v) {
        if (v.entry() == null) {
            return "names ledger entry " + v.seq() + ", which the ledger does not hold";
        }
        if (!v.ref().key().equals(v.entry().entityKey())) {
            return "names ledger entry " + v.seq() + ", which is about " + v.entry().entityKey();
        }
        if (!v.entry().contentHash().equals(v.storedHash())) {
            return "stores content hash " + abbreviated(v.storedHash()) + " but its ledger entry " + v.seq()
                    + " committed " + abbreviated(v.entry().contentHash());
        }
        if (!v.entry().contentHash().equals(v.computedHash())) {
            return "holds content that hashes to " + abbreviated(v.computedHash()) + ", not the "
                    + abbreviated(v.entry().contentHash()) + " its ledger entry " + v.seq() + " committed";
        }
        return null;
    }

    private static String abbreviated(String hash) {
        return hash == null ? "(none)" : hash.substring(0, Math.min(12, hash.length())) + "…";
    }
}
