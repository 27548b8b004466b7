package org.batchledger.hub.evidence.report;

/** The report's input breaks a rule; {@link #pointer()} names the field (JSON pointer into the model). */
public final class ReportInputException extends IllegalArgumentException {
    private final String pointer;

    ReportInputException(String pointer, String rule) {
        super(pointer + ": " + rule);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
