package org.batchledger.lineage.release.alcoa;

/** The ten ALCOA+ principles, in the order the API lists them; {@link #code()} is the middle part of a rule ID. */
public enum AlcoaPrinciple {
    ATTRIBUTABLE("A"), LEGIBLE("L"), CONTEMPORANEOUS("C"), ORIGINAL("O"), ACCURATE("AC"), COMPLETE("CO"),
    CONSISTENT("CS"), ENDURING("E"), AVAILABLE("AV"), TRACEABLE("T");

    private final String code;

    AlcoaPrinciple(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Title case, for sentences ("Attributable"). */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
