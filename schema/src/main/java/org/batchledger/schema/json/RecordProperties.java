package org.batchledger.schema.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.schema.record.LedgerRecord;

/**
 * A record as the flat map of simple values a graph node or relationship stores, and back. The record's
 * {@code provenance} is flattened to top-level keys, as the graph model asks every record node to carry them.
 * The round trip is lossless, so a record read back from the graph hashes to the same {@code contentHash}.
 */
public final class RecordProperties {
    public static final Set<String> PROVENANCE_KEYS =
            Set.of("source", "locator", "recordedBy", "recordedAt", "eventAt");
    private static final String PROVENANCE = "provenance";
    // Json.createXxx looks the provider up (ServiceLoader) on every call: ~0.5 ms per record read. Look it up once.
    private static final JsonProvider JSON = JsonProvider.provider();

    private RecordProperties() {
    }

    /** The stored properties of a record, as a new mutable map (see {@link CanonicalRecord}). */
    public static Map<String, Object> of(LedgerRecord record) {
        return CanonicalRecord.of(record).properties();
    }

    /** Rebuilds a record from stored properties; keys that are not record fields (bookkeeping) are ignored. */
    public static <T extends LedgerRecord> T toRecord(Map<String, Object> props, Class<T> type) {
        T direct = RecordDecoder.decode(props, type);
        return direct != null ? direct : viaJsonBinding(props, type);
    }

    /** The reference path: the record as JSON text through the hub's one JSON-B binding (and its errors). */
    static <T extends LedgerRecord> T viaJsonBinding(Map<String, Object> props, Class<T> type) {
        JsonObjectBuilder record = JSON.createObjectBuilder();
        JsonObjectBuilder provenance = JSON.createObjectBuilder();
        Set<String> fields = fieldNames(type);
        props.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (PROVENANCE_KEYS.contains(name)) {
                provenance.add(name, json(value));
            } else if (fields.contains(name)) {
                record.add(name, json(value));
            }
        });
        record.add(PROVENANCE, provenance);
        return CanonicalJson.fromJson(record.build().toString(), type);
    }

    /** Whether {@code name} is a stored property of records of {@code type} (a field or a provenance key). */
    public static boolean isField(Class<? extends LedgerRecord> type, String name) {
        return PROVENANCE_KEYS.contains(name) || (!PROVENANCE.equals(name) && fieldNames(type).contains(name));
    }

    private static Set<String> fieldNames(Class<?> type) {
        Set<String> names = new java.util.HashSet<>();
        for (var c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private static JsonValue json(Object v) {
        return switch (v) {
            case String s -> JSON.createValue(s);
            case Long l -> JSON.createValue(l);
            case Integer i -> JSON.createValue(i);
            case Double d -> JSON.createValue(d);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case List<?> list -> {
                JsonArrayBuilder arr = JSON.createArrayBuilder();
                list.forEach(x -> arr.add(json(x)));
                yield arr.build();
            }
            default -> throw new IllegalArgumentException("unsupported stored value " + v.getClass().getName());
        };
    }
}
