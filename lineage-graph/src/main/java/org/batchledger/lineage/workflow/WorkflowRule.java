package org.batchledger.lineage.workflow;

/**
 * A rule a refused transition names (e.g. {@code WF-ILLEGAL-TRANSITION}) and the text a user reads.
 *
 * @param kind how the API classifies a refusal by this rule
 */
public record WorkflowRule(String id, String text, Kind kind) {
    /** FORBIDDEN: not this person; BAD_REQUEST: not now or not so; REAUTHENTICATION: authenticate and retry. */
    public enum Kind { BAD_REQUEST, FORBIDDEN, REAUTHENTICATION }

    /** Longest free text (reason, root cause, CAPA reference, action) a step carries. */
    static final int TEXT = 2000;
    /** Longest title. */
    static final int TITLE = 200;

    static final WorkflowRule UNKNOWN_RECORD = new WorkflowRule("WF-RECORD", "no such record", Kind.BAD_REQUEST);
    static final WorkflowRule UNKNOWN_TRANSITION = new WorkflowRule("WF-TRANSITION",
            "the workflow has no transition of this name", Kind.BAD_REQUEST);
    static final WorkflowRule ILLEGAL = new WorkflowRule("WF-ILLEGAL-TRANSITION",
            "this transition does not start from the record's current state", Kind.BAD_REQUEST);
    static final WorkflowRule ROLE = new WorkflowRule("WF-ROLE",
            "none of the caller's roles may take this transition", Kind.FORBIDDEN);
    static final WorkflowRule REASON = new WorkflowRule("WF-REASON", "a transition needs a reason", Kind.BAD_REQUEST);
    static final WorkflowRule TEXT_LENGTH = new WorkflowRule("WF-TEXT",
            "free text is at most " + TEXT + " characters, a title at most " + TITLE, Kind.BAD_REQUEST);
    static final WorkflowRule ROOT_CAUSE = new WorkflowRule("WF-ROOT-CAUSE",
            "closing a deviation needs its root cause", Kind.BAD_REQUEST);
    static final WorkflowRule CAPA = new WorkflowRule("WF-CAPA",
            "closing a deviation of this severity needs the reference of the CAPA that addresses it", Kind.BAD_REQUEST);
    static final WorkflowRule CAPA_LINK = new WorkflowRule("WF-CAPA-LINK",
            "the CAPA named does not address this deviation: name a CAPA opened for it", Kind.BAD_REQUEST);
    static final WorkflowRule CLASSIFICATION = new WorkflowRule("WF-CLASSIFICATION",
            "starting the investigation classifies the deviation: give one of the classifications", Kind.BAD_REQUEST);
    static final WorkflowRule SAME_PERSON = new WorkflowRule("WF-SOD",
            "this transition is taken by someone other than the one who took the step it checks", Kind.FORBIDDEN);
    static final WorkflowRule CAPA_TEXT = new WorkflowRule("WF-CAPA-TEXT", "a CAPA needs a title and an action",
            Kind.BAD_REQUEST);
    static final WorkflowRule CAPA_DEVIATIONS = new WorkflowRule("WF-CAPA-DEVIATIONS",
            "a CAPA addresses at least one recorded deviation", Kind.BAD_REQUEST);
    static final WorkflowRule REAUTHENTICATION = new WorkflowRule("WF-REAUTH",
            "a transition is signed: it needs an authentication within the re-authentication window (21 CFR 11.200)",
            Kind.REAUTHENTICATION);

    @Override
    public String toString() {
        return id + ": " + text;
    }
}
