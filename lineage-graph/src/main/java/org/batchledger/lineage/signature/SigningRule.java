package org.batchledger.lineage.signature;

/**
 * A rule a signing refusal names: a stable id (e.g. {@code SIG-SOD-REVIEW-OWN}) and the text a user reads.
 *
 * @param kind how the API classifies a refusal by this rule
 */
public record SigningRule(String id, String text, Kind kind) {
    /** FORBIDDEN: this person may not sign so; BAD_REQUEST: nobody may; REAUTHENTICATION: authenticate and retry. */
    public enum Kind { BAD_REQUEST, FORBIDDEN, REAUTHENTICATION }

    static final SigningRule UNKNOWN_RECORD = new SigningRule("SIG-RECORD",
            "no such record: a signature names an existing record", Kind.BAD_REQUEST);
    static final SigningRule ON_SIGNATURE = new SigningRule("SIG-ON-SIGNATURE",
            "signatures and withdrawals are not signed: sign the record itself", Kind.BAD_REQUEST);
    static final SigningRule SUPERSEDED = new SigningRule("SIG-SUPERSEDED",
            "the version named is not the record's current version: it was corrected since; review it again",
            Kind.BAD_REQUEST);
    static final SigningRule REASON = new SigningRule("SIG-REASON", "a reason must not be blank when given",
            Kind.BAD_REQUEST);
    static final SigningRule MEANING_RECORD = new SigningRule("SIG-MEANING-RECORD",
            "this meaning does not apply to this type of record", Kind.BAD_REQUEST);
    static final SigningRule MEANING_COMMAND = new SigningRule("SIG-MEANING-COMMAND",
            "this meaning is given only by its own command (disposition), never by sign", Kind.BAD_REQUEST);
    static final SigningRule MEANING_ROLE = new SigningRule("SIG-MEANING-ROLE",
            "none of the signer's roles may sign with this meaning", Kind.FORBIDDEN);
    static final SigningRule REAUTHENTICATION = new SigningRule("SIG-REAUTH",
            "a signature needs an authentication within the re-authentication window (21 CFR 11.200)",
            Kind.REAUTHENTICATION);
    static final SigningRule SOD_THREE = new SigningRule("SIG-SOD-THREE-PEOPLE",
            "performer, reviewer and releaser of one batch are three different people", Kind.FORBIDDEN);
    static final SigningRule SOD_REVIEW_OWN = new SigningRule("SIG-SOD-REVIEW-OWN",
            "no one reviews or verifies a record they performed, recorded or corrected", Kind.FORBIDDEN);
    static final SigningRule SOD_AUDIT_TRAIL = new SigningRule("SIG-SOD-AUDIT-TRAIL",
            "the audit-trail reviewer of a batch performed and corrected none of its records", Kind.FORBIDDEN);
    static final SigningRule ONCE = new SigningRule("SIG-ONCE",
            "a person signs one version of a record with one meaning once", Kind.BAD_REQUEST);

    static final SigningRule DISPOSITION_ROLE = new SigningRule("SIG-DISPOSITION-ROLE",
            "a batch is dispositioned only by qa-release", Kind.FORBIDDEN);
    static final SigningRule DISPOSITION_STATUS = new SigningRule("SIG-DISPOSITION-STATUS",
            "a batch is dispositioned once completed: it is planned or in process", Kind.BAD_REQUEST);
    static final SigningRule DISPOSITION_JUSTIFICATION = new SigningRule("SIG-DISPOSITION-JUSTIFICATION",
            "a disposition needs a justification unless every readiness check passes", Kind.BAD_REQUEST);
    static final SigningRule DISPOSITION_ONCE = new SigningRule("SIG-DISPOSITION-ONCE",
            "a batch has one standing disposition: withdraw its signature (withdrawSignature) before another",
            Kind.BAD_REQUEST);
    static final SigningRule DISPOSITION_BUSY = new SigningRule("SIG-DISPOSITION-BUSY",
            "the ledger kept moving while readiness was read: try again", Kind.BAD_REQUEST);

    static final SigningRule EXCEPTION_UNKNOWN = new SigningRule("SIG-EXCEPTION-UNKNOWN",
            "the batch's review queue has no exception of this id (exceptions are derived: read reviewQueue again)",
            Kind.BAD_REQUEST);
    static final SigningRule EXCEPTION_ROLE = new SigningRule("SIG-EXCEPTION-ROLE",
            "an exception is dispositioned only by qa-reviewer or qa-release", Kind.FORBIDDEN);
    static final SigningRule EXCEPTION_COMMENT = new SigningRule("SIG-EXCEPTION-COMMENT",
            "an exception's disposition needs a comment that says why (at most " + TextLimits.COMMENT + " characters)",
            Kind.BAD_REQUEST);
    static final SigningRule EXCEPTION_ONCE = new SigningRule("SIG-EXCEPTION-ONCE",
            "this exception, on this evidence, is already dispositioned: withdraw that signature to decide again",
            Kind.BAD_REQUEST);
    static final SigningRule EXCEPTION_DEVIATION_ONCE = new SigningRule("SIG-EXCEPTION-DEVIATION-ONCE",
            "a deviation was already raised from this exception: work on that deviation", Kind.BAD_REQUEST);
    static final SigningRule EXCEPTION_BUSY = new SigningRule("SIG-EXCEPTION-BUSY",
            "the ledger kept moving while the review queue was read: try again", Kind.BAD_REQUEST);

    @Override
    public String toString() {
        return id + ": " + text;
    }
}
