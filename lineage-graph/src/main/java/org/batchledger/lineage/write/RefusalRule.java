package org.batchledger.lineage.write;

/**
 * A rule a refused command names (e.g. {@code SIG-SOD-REVIEW-OWN}, {@code WF-ILLEGAL-TRANSITION}) and the text a
 * user reads; shared by the signature and workflow features, whose rule tables ({@code SigningRule},
 * {@code WorkflowRule}) are constants of this type.
 *
 * @param kind how the API classifies a refusal by this rule
 */
public record RefusalRule(String id, String text, Kind kind) {
    /** FORBIDDEN: not this person; BAD_REQUEST: not now or not so, for anyone; REAUTHENTICATION: log in, retry. */
    public enum Kind { BAD_REQUEST, FORBIDDEN, REAUTHENTICATION }

    @Override
    public String toString() {
        return id + ": " + text;
    }
}
