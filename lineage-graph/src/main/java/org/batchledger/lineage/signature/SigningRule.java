package org.batchledger.lineage.signature;

import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.lineage.write.RefusalRule.Kind;

/** The rules a signing refusal names: stable ids (e.g. {@code SIG-SOD-REVIEW-OWN}) and the text a user reads. */
final class SigningRule {
    private SigningRule() {
    }

    static final RefusalRule UNKNOWN_RECORD = new RefusalRule("SIG-RECORD",
            "no such record: a signature names an existing record", Kind.BAD_REQUEST);
    static final RefusalRule ON_SIGNATURE = new RefusalRule("SIG-ON-SIGNATURE",
            "signatures and withdrawals are not signed: sign the record itself", Kind.BAD_REQUEST);
    static final RefusalRule SUPERSEDED = new RefusalRule("SIG-SUPERSEDED",
            "the version named is not the record's current version: it was corrected since; review it again",
            Kind.BAD_REQUEST);
    static final RefusalRule REASON = new RefusalRule("SIG-REASON", "a reason must not be blank when given",
            Kind.BAD_REQUEST);
    static final RefusalRule MEANING_RECORD = new RefusalRule("SIG-MEANING-RECORD",
            "this meaning does not apply to this type of record", Kind.BAD_REQUEST);
    static final RefusalRule MEANING_COMMAND = new RefusalRule("SIG-MEANING-COMMAND",
            "this meaning is given only by its own command (disposition), never by sign", Kind.BAD_REQUEST);
    static final RefusalRule MEANING_ROLE = new RefusalRule("SIG-MEANING-ROLE",
            "none of the signer's roles may sign with this meaning", Kind.FORBIDDEN);
    static final RefusalRule REAUTHENTICATION = new RefusalRule("SIG-REAUTH",
            "a signature needs an authentication within the re-authentication window (21 CFR 11.200)",
            Kind.REAUTHENTICATION);
    static final RefusalRule SOD_THREE = new RefusalRule("SIG-SOD-THREE-PEOPLE",
            "performer, reviewer and releaser of one batch are three different people", Kind.FORBIDDEN);
    static final RefusalRule SOD_REVIEW_OWN = new RefusalRule("SIG-SOD-REVIEW-OWN",
            "no one reviews or verifies a record they performed, recorded or corrected", Kind.FORBIDDEN);
    static final RefusalRule SOD_AUDIT_TRAIL = new RefusalRule("SIG-SOD-AUDIT-TRAIL",
            "the audit-trail reviewer of a batch performed and corrected none of its records", Kind.FORBIDDEN);
    static final RefusalRule ONCE = new RefusalRule("SIG-ONCE",
            "a person signs one version of a record with one meaning once", Kind.BAD_REQUEST);

    static final RefusalRule DISPOSITION_ROLE = new RefusalRule("SIG-DISPOSITION-ROLE",
            "a batch is dispositioned only by qa-release", Kind.FORBIDDEN);
    static final RefusalRule DISPOSITION_STATUS = new RefusalRule("SIG-DISPOSITION-STATUS",
            "a batch is dispositioned once completed: it is planned or in process", Kind.BAD_REQUEST);
    static final RefusalRule DISPOSITION_JUSTIFICATION = new RefusalRule("SIG-DISPOSITION-JUSTIFICATION",
            "a disposition needs a justification unless every readiness check passes", Kind.BAD_REQUEST);
    static final RefusalRule DISPOSITION_ONCE = new RefusalRule("SIG-DISPOSITION-ONCE",
            "a batch has one standing disposition: withdraw its signature (withdrawSignature) before another",
            Kind.BAD_REQUEST);
    static final RefusalRule DISPOSITION_BUSY = new RefusalRule("SIG-DISPOSITION-BUSY",
            "the ledger kept moving while readiness was read: try again", Kind.BAD_REQUEST);

    static final RefusalRule EXCEPTION_UNKNOWN = new RefusalRule("SIG-EXCEPTION-UNKNOWN",
            "the batch's review queue has no exception of this id (exceptions are derived: read reviewQueue again)",
            Kind.BAD_REQUEST);
    static final RefusalRule EXCEPTION_ROLE = new RefusalRule("SIG-EXCEPTION-ROLE",
            "an exception is dispositioned only by qa-reviewer or qa-release", Kind.FORBIDDEN);
    static final RefusalRule EXCEPTION_COMMENT = new RefusalRule("SIG-EXCEPTION-COMMENT",
            "an exception's disposition needs a comment that says why (at most " + TextLimits.COMMENT + " characters)",
            Kind.BAD_REQUEST);
    static final RefusalRule EXCEPTION_ONCE = new RefusalRule("SIG-EXCEPTION-ONCE",
            "this exception, on this evidence, is already dispositioned: withdraw that signature to decide again",
            Kind.BAD_REQUEST);
    static final RefusalRule EXCEPTION_DEVIATION_ONCE = new RefusalRule("SIG-EXCEPTION-DEVIATION-ONCE",
            "a deviation was already raised from this exception: work on that deviation", Kind.BAD_REQUEST);
    static final RefusalRule EXCEPTION_BUSY = new RefusalRule("SIG-EXCEPTION-BUSY",
            "the ledger kept moving while the review queue was read: try again", Kind.BAD_REQUEST);

}
