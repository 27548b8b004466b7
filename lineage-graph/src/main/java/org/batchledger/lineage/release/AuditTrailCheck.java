package org.batchledger.lineage.release;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.release.BatchFacts.SignatureFact;
import org.batchledger.lineage.release.BatchFacts.Version;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * The audit-trail review done (the contract): a not-withdrawn AUDIT_TRAIL_REVIEWED signature on the batch whose
 * ledger entry comes after the last correction of any of the batch's records, by a signer who neither performed
 * (signed PERFORMED on the batch or its step records) nor corrected (per the correction's ledger entry) any of them.
 * No review yet, or one older than a correction, is INCOMPLETE (work to do); a review that is not independent FAILs.
 */
final class AuditTrailCheck {
    static final String NAME = "audit-trail-reviewed";
    static final String TITLE = "Audit trail reviewed independently after the last correction";

    private AuditTrailCheck() {
    }

    static ReadinessCheck check(BatchFacts f) {
        List<SignatureFact> reviews = reviews(f);
        List<Version> corrections = f.versions().stream().filter(Version::correction).toList();
        long lastCorrection = corrections.stream().mapToLong(Version::seq).max().orElse(0);
        Set<String> involved = involved(f);
        Optional<SignatureFact> valid = reviews.stream()
                .filter(r -> r.seq() > lastCorrection && !involved.contains(r.signature().signerSubject()))
                .max(Comparator.comparingLong(SignatureFact::seq));
        if (valid.isPresent()) {
            var s = valid.get().signature();
            return Checks.pass(NAME, TITLE, "The audit trail of batch " + f.batch().key() + " was reviewed by "
                    + s.printedName() + " (signature " + s.key() + ", entry " + valid.get().seq() + ")"
                    + (corrections.isEmpty() ? ", with no correction recorded" : " after the last of its "
                    + Checks.plural(corrections.size(), "correction", "corrections")) + ", independently.",
                    List.of(Evidence.of(RecordRef.of(s), "AUDIT_TRAIL_REVIEWED by " + s.printedName())));
        }
        if (reviews.isEmpty()) {
            return Checks.of(NAME, TITLE, CheckStatus.INCOMPLETE, "The audit trail of batch " + f.batch().key()
                    + " has not been reviewed (no AUDIT_TRAIL_REVIEWED signature).", List.of());
        }
        SignatureFact latest = reviews.stream().max(Comparator.comparingLong(SignatureFact::seq)).orElseThrow();
        var s = latest.signature();
        Evidence review = Evidence.of(RecordRef.of(s), "AUDIT_TRAIL_REVIEWED by " + s.printedName());
        if (involved.contains(s.signerSubject())) {
            return Checks.of(NAME, TITLE, CheckStatus.FAIL, "The audit-trail review " + s.key() + " by "
                    + s.printedName() + " is not independent: they performed or corrected records of batch "
                    + f.batch().key() + ".", List.of(review));
        }
        Version after = corrections.stream().filter(v -> v.seq() > latest.seq())
                .max(Comparator.comparingLong(Version::seq)).orElseThrow();
        return Checks.of(NAME, TITLE, CheckStatus.INCOMPLETE, Checks.capitalized(Checks.named(after.ref()))
                + " was corrected (entry " + after.seq() + ") after the audit-trail review " + s.key() + " (entry "
                + latest.seq() + "), so the audit trail needs a new review.",
                List.of(review, Evidence.of(after.ref(), "corrected at entry " + after.seq())));
    }

    /** The not-withdrawn audit-trail reviews signed on the batch. */
    static List<SignatureFact> reviews(BatchFacts f) {
        RecordRef batch = RecordRef.of(f.batch());
        return f.signatures().stream().filter(s -> !s.withdrawn())
                .filter(s -> s.signature().meaning() == SignatureMeaning.AUDIT_TRAIL_REVIEWED
                        && s.signature().signs().equals(batch)).toList();
    }

    /** Subjects who performed or corrected any of the batch's records. */
    static Set<String> involved(BatchFacts f) {
        Set<String> out = new HashSet<>();
        f.signatures().stream().filter(s -> s.signature().meaning() == SignatureMeaning.PERFORMED)
                .forEach(s -> out.add(s.signature().signerSubject()));
        f.versions().stream().filter(v -> v.correction() && v.entry() != null)
                .forEach(v -> out.add(v.entry().actorSubject()));
        return out;
    }
}
