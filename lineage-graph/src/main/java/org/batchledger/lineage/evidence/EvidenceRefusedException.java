package org.batchledger.lineage.evidence;

/**
 * An export that cannot be made as asked: the subject does not exist (at that tree size) or is not of the scope,
 * or the package would exceed its limits. The message names the ID and the reason; nothing is written.
 */
public final class EvidenceRefusedException extends RuntimeException {
    /** Why, as the API classifies it. */
    public enum Kind { NOT_FOUND, BAD_REQUEST, BUSY }

    private final Kind kind;
    private final String subject;

    public EvidenceRefusedException(Kind kind, String subject, String message) {
        super(message);
        this.kind = kind;
        this.subject = subject;
    }

    public Kind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }
}
