package org.batchledger.lineage.release;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.release.BatchFacts.SignatureFact;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.schema.record.StepRecord;

/**
 * Every step record signed by performer and reviewer (the contract): the batch, or else each of its step records,
 * carries a standing PERFORMED signature and a standing REVIEWED or VERIFIED one by a different signer. Standing =
 * not withdrawn and on the version valid now (a correction after signing voids the signature for release). A
 * review by the performer themself FAILs (not independent); a missing signature leaves the check INCOMPLETE.
 */
final class SignatureCheck {
    static final String NAME = "steps-signed";
    static final String TITLE = "Step records signed by performer and reviewer";
    static final Set<SignatureMeaning> REVIEW = EnumSet.of(SignatureMeaning.REVIEWED, SignatureMeaning.VERIFIED);

    private SignatureCheck() {
    }

    /** A record's signing: missing (empty list: signed) and whether a reviewer signed their own work. */
    private record Gap(RecordRef record, String missing, boolean selfReview) {
    }

    static ReadinessCheck check(BatchFacts f) {
        RecordRef batch = RecordRef.of(f.batch());
        Optional<Gap> batchGap = gap(batch, f.signatures());
        if (batchGap.isEmpty()) {
            return Checks.pass(NAME, TITLE, "Batch " + f.batch().key() + " is signed as performed and, by "
                    + "another person, reviewed.", evidence(f, batch));
        }
        List<Gap> stepGaps = new ArrayList<>();
        for (StepRecord s : f.steps()) {
            gap(RecordRef.of(s), f.signatures()).ifPresent(stepGaps::add);
        }
        if (stepGaps.isEmpty() && !f.steps().isEmpty()) {
            int n = f.steps().size();
            return Checks.pass(NAME, TITLE, Checks.every(n, "step record", "step records") + " of batch "
                    + f.batch().key() + " " + Checks.verb(n, "is", "are")
                    + " signed as performed and, by another person, reviewed.", List.of());
        }
        // nothing signed step by step: the batch's own gap says what is missing; else the steps still unsigned
        List<Gap> gaps = new ArrayList<>(stepGaps.size() == f.steps().size() ? List.of(batchGap.get()) : stepGaps);
        if (batchGap.get().selfReview() && !gaps.contains(batchGap.get())) {
            gaps.addFirst(batchGap.get());
        }
        List<String> sentences = gaps.stream().map(g -> Checks.named(g.record()) + " " + g.missing())
                .toList();
        List<Evidence> evidence = gaps.stream().map(g -> Evidence.of(g.record(), g.missing())).toList();
        return Checks.of(NAME, TITLE, gaps.stream().anyMatch(Gap::selfReview) ? CheckStatus.FAIL
                : CheckStatus.INCOMPLETE, Checks.sentence(sentences), evidence);
    }

    private static Optional<Gap> gap(RecordRef record, List<SignatureFact> all) {
        List<Signature> on = all.stream().filter(SignatureFact::stands).map(SignatureFact::signature)
                .filter(s -> s.signs().equals(record)).toList();
        List<Signature> performed = on.stream().filter(s -> s.meaning() == SignatureMeaning.PERFORMED).toList();
        List<Signature> reviewed = on.stream().filter(s -> REVIEW.contains(s.meaning())).toList();
        boolean independent = performed.stream().anyMatch(p -> reviewed.stream()
                .anyMatch(r -> !r.signerSubject().equals(p.signerSubject())));
        if (independent) {
            return Optional.empty();
        }
        if (performed.isEmpty()) {
            return Optional.of(new Gap(record, "has no standing performer signature", false));
        }
        if (reviewed.isEmpty()) {
            return Optional.of(new Gap(record, "has no standing reviewer signature", false));
        }
        return Optional.of(new Gap(record, "was reviewed only by its performer " + reviewed.getFirst().printedName(),
                true));
    }

    private static List<Evidence> evidence(BatchFacts f, RecordRef record) {
        return f.signatures().stream().filter(SignatureFact::stands).map(SignatureFact::signature)
                .filter(s -> s.signs().equals(record) && (s.meaning() == SignatureMeaning.PERFORMED
                        || REVIEW.contains(s.meaning())))
                .sorted(java.util.Comparator.comparing(Signature::meaning))
                .map(s -> Evidence.of(RecordRef.of(s), s.meaning() + " by " + s.printedName())).toList();
    }
}
