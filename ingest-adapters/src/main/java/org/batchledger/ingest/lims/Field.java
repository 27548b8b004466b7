package org.batchledger.ingest.lims;

import java.util.Locale;

/** The fields of one LIMS result a CSV column (or a fixed value of the mapping) supplies. */
enum Field {
    SAMPLE_ID("sampleId"), LOT_ID("lotId"), BATCH_ID("batchId"), TEST("test"), METHOD("method"), VALUE("value"),
    UNIT("unit"), LOWER_LIMIT("lowerLimit"), UPPER_LIMIT("upperLimit"), QUALIFIER("qualifier"),
    RESULT_TIME("resultTime"), ANALYST("analyst"), INSTRUMENT("instrument"), OUTCOME("outcome");

    private final String mappingName;

    Field(String mappingName) {
        this.mappingName = mappingName;
    }

    /** The name in a mapping file, e.g. {@code lowerLimit}. */
    String mappingName() {
        return mappingName;
    }

    /** The column header of the default layout, e.g. {@code lower_limit}. */
    String defaultHeader() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Field ofMappingName(String name) {
        for (Field f : values()) {
            if (f.mappingName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
