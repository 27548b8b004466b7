package org.batchledger.ingest.asm;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;

/**
 * One technique document at a time: each measurement document's values (an object with {@code value} and
 * {@code unit}), analytes, processed data and peaks become test results; data cubes become results without a
 * value that point at the cube. Settings (device control documents, {@code … setting}) are not results.
 */
final class MeasurementReader {
    private static final Set<String> NOT_RESULTS = Set.of("device control aggregate document", "sample document",
            "injection document", "chromatography column document", "data system document",
            "device system document", "cube-structure", "data", "dimensions", "measures");
    private static final Set<String> PLACEHOLDERS = Set.of("", "N/A", "NA", "n/a", "none", "null");
    private static final int MAX_DEPTH = 24;

    private final AsmLayout layout;
    private final IngestContext context;
    private final RecordSink sink;
    private final String instrument;
    private int cubes;

    MeasurementReader(AsmLayout layout, IngestContext context, RecordSink sink) {
        this.layout = layout;
        this.context = context;
        this.sink = sink;
        this.instrument = instrument(layout.contextObject("device system document"));
    }

    /** What the measurements share: the technique document's and aggregate's analyst, time and method. */
    private record Shared(String analyst, String time, String method) {
    }

    void document(JsonObject doc, String pointer) {
        if (doc == null) {
            throw invalid(pointer, "ASM-STRUCTURE", "a technique document must be an object");
        }
        JsonObject agg = AsmAdapter.object(doc, "measurement aggregate document");
        if (agg == null) {
            throw invalid(pointer, "ASM-REQUIRED", "no 'measurement aggregate document'");
        }
        String aggPointer = JsonPointers.child(pointer, "measurement aggregate document");
        if (!(agg.get("measurement document") instanceof JsonArray measurements)) {
            throw invalid(aggPointer, "ASM-REQUIRED", "no 'measurement document' list");
        }
        Shared shared = new Shared(first(text(agg, "analyst"), text(doc, "analyst")),
                first(text(agg, "measurement time"), text(doc, "measurement time")),
                first(text(agg, "analytical method identifier"), text(agg, "experiment type"), text(agg, "method name")));
        String list = JsonPointers.child(aggPointer, "measurement document");
        for (int i = 0; i < measurements.size(); i++) {
            if (!(measurements.get(i) instanceof JsonObject m)) {
                throw invalid(JsonPointers.child(list, i), "ASM-STRUCTURE", "a measurement document must be an object");
            }
            measurement(m, JsonPointers.child(list, i), shared);
        }
    }

    private void measurement(JsonObject m, String pointer, Shared shared) {
        JsonObject injection = AsmAdapter.object(m, "injection document");
        String time = first(text(m, "measurement time"), text(injection, "injection time"), shared.time());
        if (time == null) {
            throw invalid(pointer, "ASM-REQUIRED", "no 'measurement time' (nor an injection time) for this measurement");
        }
        JsonObject sample = AsmAdapter.object(m, "sample document");
        Measurement meas = new Measurement(pointer, first(text(m, "measurement identifier"),
                text(injection, "injection identifier")), instant(time, pointer), sampleId(sample, pointer),
                subject(sample), first(text(m, "analyst"), shared.analyst()),
                first(text(m, "analytical method identifier"), shared.method()), device(m));
        int before = meas.count;
        walk(m, pointer, "", meas, 0);
        JsonObject custom = AsmAdapter.object(sample, "custom information document");
        if (custom != null) {
            walk(custom, JsonPointers.child(JsonPointers.child(pointer, "sample document"),
                    "custom information document"), "", meas, 0);
        }
        if (meas.count == before) {
            sink.warning(new IngestFinding(pointer, null, "ASM-EMPTY", "a measurement without any value with a unit"));
        }
    }

    /** The per-measurement facts every result of it shares. */
    private final class Measurement {
        final String pointer;
        final String id;
        final Instant at;
        final String sampleId;
        final RecordRef subject;
        final String analyst;
        final String method;
        final String device;
        int count;

        Measurement(String pointer, String id, Instant at, String sampleId, RecordRef subject, String analyst,
                    String method, String device) {
            this.pointer = pointer;
            this.id = id;
            this.at = at;
            this.sampleId = sampleId;
            this.subject = subject;
            this.analyst = analyst;
            this.method = method;
            this.device = device;
        }

        void result(String test, String value, String raw, String unit, String locator) {
            count++;
            // the measurement's own identifier plus where in it: unique and stable; without one, the file's
            String key = context.key(id != null ? id + locator.substring(pointer.length())
                    : context.sourceId() + "#" + locator);
            sink.record(new TestResult(key, subject, sampleId, test, method, value, unit, null, null, null, at, analyst,
                    new Provenance(context.sourceId(), locator, context.recordedBy(), context.recordedAt(), at),
                    device, null, raw));
        }
    }

    private void walk(JsonValue v, String pointer, String prefix, Measurement meas, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(pointer, "ASM-STRUCTURE", "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), JsonPointers.child(pointer, i), prefix, meas, depth + 1);
            }
        } else if (v instanceof JsonObject o) {
            String named = itemName(o, prefix);
            for (var member : o.entrySet()) {
                String name = member.getKey();
                String at = JsonPointers.child(pointer, name);
                if (NOT_RESULTS.contains(name) || name.endsWith(" setting")) {
                    continue;
                }
                if (name.endsWith("data cube") && member.getValue() instanceof JsonObject cube) {
                    cube(cube, name, at, named, meas);
                } else if (isQuantity(member.getValue())) {
                    quantity((JsonObject) member.getValue(), join(named, name), at, meas);
                } else {
                    walk(member.getValue(), at, named, meas, depth + 1);
                }
            }
        }
    }

    /** Analytes and peaks name the values inside them: "glucose mass concentration", "peak 3 peak area". */
    private static String itemName(JsonObject o, String prefix) {
        String analyte = text(o, "analyte name");
        if (analyte != null) {
            return join(prefix, analyte);
        }
        if (o.containsKey("peak area") || o.containsKey("retention time")) {
            String peak = first(text(o, "written name"), text(o, "identifier"), text(o, "peak identifier"));
            return join(prefix, "peak " + (peak == null ? "?" : peak));
        }
        return prefix;
    }

    private static boolean isQuantity(JsonValue v) {
        return v instanceof JsonObject o && o.containsKey("value") && o.get("unit") instanceof JsonString;
    }

    private void quantity(JsonObject q, String test, String pointer, Measurement meas) {
        String unit = q.getString("unit");
        JsonValue value = q.get("value");
        String text = null;
        if (value instanceof JsonNumber n) {
            text = n.toString();
        } else {
            sink.warning(new IngestFinding(JsonPointers.child(pointer, "value"), test, "ASM-NUMBER",
                    "'" + value + "' is not a number; recorded as a result without a value"));
        }
        String raw = value instanceof JsonString str ? str.getString() : value == null ? null : value.toString();
        meas.result(test, text, raw, unit, pointer);
    }

    private void cube(JsonObject cube, String name, String pointer, String prefix, Measurement meas) {
        JsonObject structure = AsmAdapter.object(cube, "cube-structure");
        String unit = null;
        if (structure != null && structure.get("measures") instanceof JsonArray measures && !measures.isEmpty()
                && measures.get(0) instanceof JsonObject first) {
            unit = text(first, "unit");
        }
        if (cubes++ == 0) {
            sink.warning(new IngestFinding(pointer, name, "ASM-DATA-CUBE", "data cubes (spectra, chromatograms) are "
                    + "recorded as results without a value whose locator points at the cube in the kept original"));
        }
        meas.result(join(prefix, first(text(cube, "label"), name)), null, null, unit, pointer);
    }

    private String sampleId(JsonObject sample, String pointer) {
        String id = text(sample, "sample identifier");
        if (id == null || PLACEHOLDERS.contains(id.strip())) {
            sink.warning(new IngestFinding(JsonPointers.child(pointer, "sample document"), "sample identifier",
                    "ASM-SAMPLE", "no sample identifier" + (id == null ? "" : " ('" + id + "')")
                            + "; the results name no sample"));
            return null;
        }
        return id;
    }

    /** A lot or batch the sample document names explicitly; the pipeline resolves it or warns. */
    private RecordRef subject(JsonObject sample) {
        String lot = first(text(sample, "lot identifier"), text(sample, "lot number"));
        if (lot != null && !PLACEHOLDERS.contains(lot.strip())) {
            return new RecordRef(RecordType.LOT, context.key(lot));
        }
        String batch = text(sample, "batch identifier");
        return batch == null || PLACEHOLDERS.contains(batch.strip()) ? null
                : new RecordRef(RecordType.BATCH, context.key(batch));
    }

    /** The device system document's instrument, else the device type of the first device control document. */
    private String device(JsonObject m) {
        if (instrument == null && m.get("device control aggregate document") instanceof JsonObject dc
                && dc.get("device control document") instanceof JsonArray docs && !docs.isEmpty()
                && docs.get(0) instanceof JsonObject d0) {
            return text(d0, "device type");
        }
        return instrument;
    }

    private static String instrument(JsonObject device) {
        String model = Stream.of(text(device, "product manufacturer"), text(device, "model number"))
                .filter(s -> s != null && !PLACEHOLDERS.contains(s)).collect(Collectors.joining(" "));
        String serial = first(text(device, "equipment serial number"), text(device, "device identifier"));
        if (serial != null && PLACEHOLDERS.contains(serial)) {
            serial = null;
        }
        if (model.isEmpty()) {
            return serial;
        }
        return serial == null ? model : model + " (" + serial + ")";
    }

    private Instant instant(String text, String pointer) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(JsonPointers.child(pointer, "measurement time"), "ASM-TIME",
                    "'" + text + "' is not an ISO-8601 time with an offset");
        }
    }

    private static String text(JsonObject o, String member) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(member);
        return v instanceof JsonString s ? s.getString() : v instanceof JsonNumber n ? n.toString() : null;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    private static String join(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + " " + name;
    }

    private static InvalidSourceException invalid(String pointer, String rule, String message) {
        return new InvalidSourceException(new IngestFinding(pointer, null, rule, message));
    }
}
