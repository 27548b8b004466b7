package org.batchledger.ingest.lims;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.Measured;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;

/** One data row: each result the layout defines for it, checked, as a {@link TestResult}. */
final class CsvRow {
    private static final List<Field> IDENTITY = List.of(Field.SAMPLE_ID, Field.LOT_ID, Field.BATCH_ID);

    /** The header resolved: per result, per field, the column index (or a fixed value). */
    record Layout(List<Map<Field, Object>> results, List<Map<Field, String>> labels, List<Boolean> numeric,
                  int width) {

        static Layout resolve(CsvMapping mapping, CSVRecord header, List<IngestFinding> problems) {
            List<String> names = new ArrayList<>();
            header.forEach(h -> names.add(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)));
            List<Map<Field, Object>> out = new ArrayList<>();
            List<Map<Field, String>> labels = new ArrayList<>();
            for (CsvMapping.ResultSpec spec : mapping.results()) {
                Map<Field, Object> fields = new EnumMap<>(Field.class);
                Map<Field, String> label = new EnumMap<>(Field.class);
                spec.fields().forEach((f, s) -> {
                    Object where = where(s, names);
                    label.put(f, s instanceof Source.Column ? s.toString() : f.mappingName());
                    if (where != null) {
                        fields.put(f, where);
                    } else if (!((Source.Column) s).optional()) {
                        add(problems, new IngestFinding("line 1", s.toString(), "CSV-COLUMN",
                                "missing required column '" + s + "' (" + f.mappingName() + ")"));
                    }
                });
                requireAny(fields, problems);
                out.add(fields);
                labels.add(label);
            }
            return new Layout(out, labels, mapping.results().stream().map(CsvMapping.ResultSpec::numeric).toList(),
                    names.size());
        }

        private static void add(List<IngestFinding> problems, IngestFinding finding) {
            if (!problems.contains(finding)) {
                problems.add(finding);
            }
        }

        private static Object where(Source s, List<String> names) {
            if (s instanceof Source.Fixed fixed) {
                return fixed.value();
            }
            Source.Column c = (Source.Column) s;
            for (int i = 0, seen = 0; i < names.size(); i++) {
                if (names.get(i).equals(c.header().toLowerCase(Locale.ROOT)) && ++seen == c.occurrence()) {
                    return i;
                }
            }
            return null;
        }

        private static void requireAny(Map<Field, Object> fields, List<IngestFinding> problems) {
            if (IDENTITY.stream().noneMatch(fields::containsKey)) {
                add(problems, new IngestFinding("line 1", null, "CSV-COLUMN",
                        "missing required column: none of sample_id, lot_id, batch_id (or the mapping's "
                                + "sampleId, lotId, batchId) names what was tested"));
            }
            for (Field f : List.of(Field.TEST, Field.VALUE, Field.RESULT_TIME)) {
                if (!fields.containsKey(f) && problems.stream().noneMatch(p -> p.message().contains("(" + f.mappingName() + ")"))) {
                    add(problems, new IngestFinding("line 1", f.mappingName(), "CSV-COLUMN",
                            "missing required column for " + f.mappingName()));
                }
            }
        }
    }

    private final Layout layout;
    private final CsvMapping mapping;
    private final IngestContext context;
    private final CSVRecord record;
    private final int line;
    private final DuplicateKeys keys;
    private final List<IngestFinding> problems;
    private Map<Field, Object> fields;
    private Map<Field, String> labels;

    CsvRow(Layout layout, CsvMapping mapping, IngestContext context, CSVRecord record, int line, DuplicateKeys keys,
           List<IngestFinding> problems) {
        this.layout = layout;
        this.mapping = mapping;
        this.context = context;
        this.record = record;
        this.line = line;
        this.keys = keys;
        this.problems = problems;
    }

    void emit(RecordSink sink) {
        if (record.size() != layout.width() && !(record.size() == 1 && record.get(0).isBlank())) {
            String message = "the row has " + record.size() + " cells, the header " + layout.width();
            if (mapping.strict()) {
                problem(null, "CSV-ROW-LENGTH", message);
                return;
            }
            sink.warning(new IngestFinding(locator(), null, "CSV-ROW-LENGTH", message + "; missing cells read as empty"));
        }
        for (int i = 0; i < layout.results().size(); i++) {
            fields = layout.results().get(i);
            labels = layout.labels().get(i);
            int before = problems.size();
            TestResult result = result(layout.numeric().get(i), sink);
            if (result != null && problems.size() == before) {
                sink.record(result);
            }
        }
    }

    private TestResult result(boolean numeric, RecordSink sink) {
        String sample = cell(Field.SAMPLE_ID);
        String lot = cell(Field.LOT_ID);
        String batch = cell(Field.BATCH_ID);
        String test = cell(Field.TEST);
        if (sample == null && lot == null && batch == null) {
            problem(column(Field.SAMPLE_ID), "CSV-REQUIRED", "no sample, lot or batch identifier");
        }
        if (test == null) {
            problem(column(Field.TEST), "CSV-REQUIRED", "no test name");
        }
        Instant at = time();
        BigDecimal lower = limit(Field.LOWER_LIMIT);
        BigDecimal upper = limit(Field.UPPER_LIMIT);
        Measured value = value(numeric, sink);
        if (at == null || test == null || (sample == null && lot == null && batch == null) || value == null) {
            return null;
        }
        String id = sample != null ? sample : lot != null ? lot : batch;
        String key = context.key(id + "/" + test + "/" + at);
        int first = keys.add(key, line);
        if (first != 0) {
            problem(null, "CSV-DUPLICATE", "the same sample, test and time as line " + first + " (" + key + ")");
            return null;
        }
        RecordRef subject = lot != null ? new RecordRef(RecordType.LOT, context.key(lot))
                : batch != null ? new RecordRef(RecordType.BATCH, context.key(batch)) : null;
        return new TestResult(key, subject, sample, test, cell(Field.METHOD), value.value(), unit(),
                lower == null ? null : lower.doubleValue(), upper == null ? null : upper.doubleValue(),
                outcome(value, lower, upper, sink), at, cell(Field.ANALYST),
                new Provenance(context.sourceId(), locator(), context.recordedBy(), context.recordedAt(), at),
                cell(Field.INSTRUMENT), value.qualifier(), value.raw());
    }

    private Instant time() {
        String text = cell(Field.RESULT_TIME);
        if (text == null) {
            problem(column(Field.RESULT_TIME), "CSV-REQUIRED", "no result time");
            return null;
        }
        try {
            return CsvTimes.parse(text, mapping.timeFormat(), mapping.zone());
        } catch (CsvTimes.Problem p) {
            problem(column(Field.RESULT_TIME), p.rule, p.getMessage());
            return null;
        }
    }

    private BigDecimal limit(Field f) {
        String text = cell(f);
        if (text == null) {
            return null;
        }
        BigDecimal n = Measured.number(text, mapping.decimalComma());
        if (n == null) {
            problem(column(f), "CSV-NUMBER", "'" + text + "' is not a number"
                    + (mapping.decimalComma() ? " (decimal comma)" : " (decimal point; a decimal comma needs "
                    + "'decimalComma: true' in the mapping)"));
        }
        return n;
    }

    /** A word where a number belongs: a result without a value and a warning, or an error where numbers are required. */
    private Measured value(boolean numeric, RecordSink sink) {
        Measured m = Measured.of(cell(Field.VALUE), cell(Field.QUALIFIER), mapping.decimalComma());
        if (m.words() != null) {
            String message = "'" + m.words() + "' is not a number";
            if (numeric || mapping.strict()) {
                problem(column(Field.VALUE), "CSV-NUMBER", message + " and the mapping requires one");
                return null;
            }
            sink.warning(new IngestFinding(locator(), column(Field.VALUE), "CSV-NUMBER",
                    message + "; recorded as a result without a value"));
        } else if (!m.isPresent()) {
            sink.warning(new IngestFinding(locator(), column(Field.VALUE), "CSV-VALUE-EMPTY",
                    "no value; recorded as a result without a value"));
        }
        return m;
    }

    private TestOutcome outcome(Measured value, BigDecimal lower, BigDecimal upper, RecordSink sink) {
        TestOutcome decided = OutcomePolicy.decide(value, lower, upper);
        String cell = cell(Field.OUTCOME);
        TestOutcome stated = OutcomePolicy.stated(cell);
        if (cell != null && stated == null) {
            sink.warning(new IngestFinding(locator(), column(Field.OUTCOME), "CSV-OUTCOME",
                    "'" + cell + "' is no known outcome (PASS, OOS/FAIL, PENDING, INVALIDATED); decided from limits"));
        }
        if (stated != null && decided != null && decided != TestOutcome.PENDING && stated != decided
                && stated != TestOutcome.INVALIDATED) {
            sink.warning(new IngestFinding(locator(), column(Field.OUTCOME), "CSV-OUTCOME-LIMITS",
                    "the file says " + stated + " but the value against the limits gives " + decided + "; kept " + stated));
        }
        return stated != null ? stated : decided;
    }

    private String unit() {
        String u = cell(Field.UNIT);
        return u == null ? null : mapping.units().getOrDefault(u, u);
    }

    private String cell(Field f) {
        Object where = fields.get(f);
        if (where instanceof Integer i) {
            String text = i < record.size() ? record.get(i).strip() : "";
            return text.isEmpty() ? null : text;
        }
        return (String) where;
    }

    private String column(Field f) {
        return labels.getOrDefault(f, f.mappingName());
    }

    private String locator() {
        return "line " + line;
    }

    private void problem(String column, String rule, String message) {
        if (problems.size() < CsvRun.MAX_PROBLEMS) {
            problems.add(new IngestFinding(locator(), column, rule, message));
        }
    }
}
