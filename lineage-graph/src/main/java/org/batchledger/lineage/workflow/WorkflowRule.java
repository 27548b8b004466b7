package org.batchledger.lineage.workflow;

import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.lineage.write.RefusalRule.Kind;

/** The rules a refused transition names (e.g. {@code WF-ILLEGAL-TRANSITION}) and the text a user reads. */
final class WorkflowRule {
    private WorkflowRule() {
    }

    /** Longest free text (reason, root cause, CAPA reference, action) a step carries. */
    static final int TEXT = 2000;
    /** Longest title. */
    static final int TITLE = 200;

    static final RefusalRule UNKNOWN_RECORD = new RefusalRule("WF-RECORD", "no such record", Kind.BAD_REQUEST);
    static final RefusalRule UNKNOWN_TRANSITION = new RefusalRule("WF-TRANSITION",
            "the workflow has no transition of this name", Kind.BAD_REQUEST);
    static final RefusalRule ILLEGAL = new RefusalRule("WF-ILLEGAL-TRANSITION",
            "this transition does not start from the record's current state", Kind.BAD_REQUEST);
    static final RefusalRule ROLE = new RefusalRule("WF-ROLE",
            "none of the caller's roles may take this transition", Kind.FORBIDDEN);
    static final RefusalRule REASON = new RefusalRule("WF-REASON", "a transition needs a reason", Kind.BAD_REQUEST);
    static final RefusalRule TEXT_LENGTH = new RefusalRule("WF-TEXT",
            "free text is at most " + TEXT + " characters, a title at most " + TITLE, Kind.BAD_REQUEST);
    static final RefusalRule ROOT_CAUSE = new RefusalRule("WF-ROOT-CAUSE",
            "closing a deviation needs its root cause", Kind.BAD_REQUEST);
    static final RefusalRule CAPA = new RefusalRule("WF-CAPA",
            "closing a deviation of this severity needs the reference of the CAPA that addresses it", Kind.BAD_REQUEST);
    static final RefusalRule CAPA_LINK = new RefusalRule("WF-CAPA-LINK",
            "the CAPA named does not address this deviation: name a CAPA opened for it", Kind.BAD_REQUEST);
    static final RefusalRule CLASSIFICATION = new RefusalRule("WF-CLASSIFICATION",
            "starting the investigation classifies the deviation: give one of the classifications", Kind.BAD_REQUEST);
    static final RefusalRule SAME_PERSON = new RefusalRule("WF-SOD",
            "this transition is taken by someone other than the one who took the step it checks", Kind.FORBIDDEN);
    static final RefusalRule SECOND_PERSON = new RefusalRule("WF-SOD-RECORDER",
            "this transition is taken by a second person, not the one who recorded, requested or performed the record",
            Kind.FORBIDDEN);
    static final RefusalRule ASSESSMENT = new RefusalRule("WF-ASSESSMENT",
            "assessing a change needs its impact on equipment, recipes and specifications and its validation impact",
            Kind.BAD_REQUEST);
    static final RefusalRule CHANGE_TEXT = new RefusalRule("WF-CHANGE-TEXT", "a change request needs a title",
            Kind.BAD_REQUEST);
    static final RefusalRule AFFECTS = new RefusalRule("WF-AFFECTS",
            "a change control affects only recorded records", Kind.BAD_REQUEST);
    static final RefusalRule EQUIPMENT = new RefusalRule("WF-EQUIPMENT",
            "a cleaning or calibration is of a recorded piece of equipment", Kind.BAD_REQUEST);
    static final RefusalRule CARE_FIELDS = new RefusalRule("WF-CARE-FIELDS",
            "a cleaning needs when it was performed and a clean hold end after it; a calibration needs its outcome, "
                    + "when it was performed and a due date after it; neither is performed in the future",
            Kind.BAD_REQUEST);
    static final RefusalRule CAPA_TEXT = new RefusalRule("WF-CAPA-TEXT", "a CAPA needs a title and an action",
            Kind.BAD_REQUEST);
    static final RefusalRule CAPA_DEVIATIONS = new RefusalRule("WF-CAPA-DEVIATIONS",
            "a CAPA addresses at least one recorded deviation", Kind.BAD_REQUEST);
    static final RefusalRule REAUTHENTICATION = new RefusalRule("WF-REAUTH",
            "a transition is signed: it needs an authentication within the re-authentication window (21 CFR 11.200)",
            Kind.REAUTHENTICATION);

}
