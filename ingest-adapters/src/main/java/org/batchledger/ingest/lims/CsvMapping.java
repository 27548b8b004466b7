package org.batchledger.ingest.lims;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How to read one CSV layout: the default layout ({@link #defaultLayout()}) or one read from a mapping file
 * ({@link MappingReader}).
 *
 * @param zone       the zone of times written without an offset; null = such a time is an error
 * @param timeFormat a pattern for times that are not ISO-8601; null = ISO-8601
 * @param signature  headers that together identify this layout when no mapping is given (content sniffing)
 * @param units      unit spellings of the file → the hub's spelling
 * @param results    one entry per result each row carries; each is merged over the row-level fields
 */
record CsvMapping(String name, char delimiter, boolean decimalComma, ZoneId zone, DateTimeFormatter timeFormat,
                  Charset encoding, boolean strict, List<String> signature, Map<String, String> units,
                  List<ResultSpec> results) {

    /** The fields of one result and whether its value must be a number (else a word is a warning). */
    record ResultSpec(Map<Field, Source> fields, boolean numeric) {
    }

    static final List<String> DEFAULT_SIGNATURE = List.of("test", "value", "result_time");

    /** sample_id, lot_id, batch_id, test, method, value, unit, lower_limit, upper_limit, qualifier, result_time, … */
    static CsvMapping defaultLayout() {
        Map<Field, Source> fields = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            boolean required = f == Field.TEST || f == Field.VALUE || f == Field.RESULT_TIME;
            fields.put(f, new Source.Column(f.defaultHeader(), 1, !required));
        }
        return new CsvMapping("default", ',', false, null, null, StandardCharsets.UTF_8, false, DEFAULT_SIGNATURE,
                Map.of(), List.of(new ResultSpec(fields, false)));
    }
}
