package org.batchledger.ingest.asm;

/**
 * The ASM techniques this adapter knows by their aggregate document. All are read by the same measurement walk;
 * knowing them only decides whether the report warns that a file was imported generically.
 */
enum Technique {
    SPECTROPHOTOMETRY("spectrophotometry"), SOLUTION_ANALYZER("solution analyzer"), CELL_COUNTING("cell counting"),
    PLATE_READER("plate reader"), LIQUID_CHROMATOGRAPHY("liquid chromatography"), UNKNOWN("");

    private final String prefix;

    Technique(String prefix) {
        this.prefix = prefix;
    }

    static Technique of(String aggregate) {
        for (Technique t : values()) {
            if (t != UNKNOWN && aggregate.equals(t.prefix + " aggregate document")) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
