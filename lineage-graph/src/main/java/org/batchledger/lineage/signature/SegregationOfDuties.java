package org.batchledger.lineage.signature;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.signature.Involvement.Person;
import org.batchledger.lineage.signature.MeaningRules.Duty;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * Segregation of duties as named policies, checked in this order, the first that fails is the refusal:
 * <ol>
 * <li>{@code SIG-SOD-AUDIT-TRAIL}: the audit-trail reviewer of a batch performed, recorded and corrected none of its
 * records (the batch, its step records, the test results on it);</li>
 * <li>{@code SIG-SOD-REVIEW-OWN}: a reviewer or verifier did not perform, record or correct the record signed;</li>
 * <li>{@code SIG-SOD-THREE-PEOPLE}: within one batch, performer, reviewer and releaser are different people (a
 * person's duties there come from their standing signatures, and performing or recording any of its records makes
 * them a performer).</li>
 * </ol>
 */
final class SegregationOfDuties {
    private SegregationOfDuties() {
    }

    static Optional<RefusalRule> refusal(MeaningRules rules, SignatureMeaning meaning, Person signer,
                                         RecordRef record, List<RecordRef> batchRecords, Involvement involvement) {
        Duty duty = rules.grant(meaning).duty();
        if (meaning == SignatureMeaning.AUDIT_TRAIL_REVIEWED && batchRecords.stream().anyMatch(r ->
                involvement.performed(r, signer) || involvement.recorded(r, signer) || involvement.corrected(r, signer))) {
            return Optional.of(SigningRule.SOD_AUDIT_TRAIL);
        }
        if (duty.checks() && (involvement.performed(record, signer) || involvement.recorded(record, signer)
                || involvement.corrected(record, signer))) {
            return Optional.of(SigningRule.SOD_REVIEW_OWN);
        }
        if (duty.exclusive() && !batchRecords.isEmpty()) {
            Set<Duty> held = duties(rules, signer, batchRecords, involvement);
            held.remove(duty);
            held.removeIf(d -> !d.exclusive());
            if (!held.isEmpty()) {
                return Optional.of(new RefusalRule(SigningRule.SOD_THREE.id(), SigningRule.SOD_THREE.text()
                        + ": the signer is already " + held.stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT))
                        .sorted().toList() + " of this batch", RefusalRule.Kind.FORBIDDEN));
            }
        }
        return Optional.empty();
    }

    private static Set<Duty> duties(MeaningRules rules, Person signer, List<RecordRef> batchRecords,
                                    Involvement involvement) {
        Set<Duty> held = EnumSet.noneOf(Duty.class);
        involvement.signatures().stream().filter(s -> signer.isSigner(s.signer()))
                .forEach(s -> held.add(rules.grant(s.meaning()).duty()));
        if (batchRecords.stream().anyMatch(r -> involvement.performed(r, signer) || involvement.recorded(r, signer))) {
            held.add(Duty.PERFORMER);
        }
        return held;
    }
}
