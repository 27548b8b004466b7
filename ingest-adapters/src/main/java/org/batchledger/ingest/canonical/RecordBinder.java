package org.batchledger.ingest.canonical;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.batchledger.ingest.IngestContext;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * One envelope record → one {@link LedgerRecord}: every member checked against the record's components (unknown
 * member, wrong JSON type, bad time, unknown enum constant: an error with its pointer), keys and references put in
 * the file's namespace, provenance set by the hub, then bound by the hub's JSON-B.
 *
 * <p>Keys: {@code key}, every {@code …Key} member and the keys inside references are the sender's ids and get
 * {@code <namespace>:} in front, like every adapter's. The event time is {@code eventAt} when given, else the
 * record's first time member that is set, else the time the hub received the file (master data).
 */
final class RecordBinder {
    /**
     * Types a file may carry: source files are the pipeline's; withdrawals, workflow transitions, dispositions and
     * exception dispositions are made in the hub only.
     */
    private static final Map<String, RecordType> TYPES = Arrays.stream(RecordType.values())
            .filter(t -> t != RecordType.SOURCE_FILE && t != RecordType.SIGNATURE_WITHDRAWAL
                    && t != RecordType.WORKFLOW_TRANSITION && t != RecordType.DISPOSITION
                    && t != RecordType.EXCEPTION_DISPOSITION)
            .collect(Collectors.toUnmodifiableMap(t -> t.javaType().getSimpleName(), Function.identity()));

    private final IngestContext context;

    RecordBinder(IngestContext context) {
        this.context = context;
    }

    LedgerRecord bind(JsonObject in, String pointer) {
        RecordType type = type(in, pointer);
        RecordComponent[] components = type.javaType().getRecordComponents();
        for (String member : in.keySet()) {
            if (!member.equals("type") && !member.equals("eventAt") && Arrays.stream(components)
                    .noneMatch(c -> c.getName().equals(member) && !member.equals("provenance"))) {
                throw CanonicalAdapter.invalid(pointer + "/" + member, "CANONICAL-FIELD", "no member '" + member
                        + "' in " + type.javaType().getSimpleName() + (member.equals("provenance")
                        ? " records here: the hub sets provenance (give 'eventAt')" : "; known: " + names(components)));
            }
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        Instant firstTime = null;
        for (RecordComponent c : components) {
            if (c.getName().equals("provenance")) {
                continue;
            }
            JsonValue v = in.get(c.getName());
            String at = pointer + "/" + c.getName();
            if (v == null || v == JsonValue.NULL) {
                required(c, at);
                continue;
            }
            JsonValue normal = convert(c.getGenericType(), c.getName(), v, at);
            if (firstTime == null && c.getType() == Instant.class) {
                firstTime = CanonicalJson.parseInstant(((JsonString) normal).getString());
            }
            out.add(c.getName(), normal);
        }
        Instant eventAt = in.containsKey("eventAt") ? instant(in.get("eventAt"), pointer + "/eventAt")
                : firstTime != null ? firstTime : context.recordedAt();
        out.add("provenance", Json.createObjectBuilder().add("source", context.sourceId()).add("locator", pointer)
                .add("recordedBy", context.recordedBy())
                .add("recordedAt", CanonicalJson.formatInstant(context.recordedAt()))
                .add("eventAt", CanonicalJson.formatInstant(eventAt)));
        return construct(type, out.build(), pointer);
    }

    private RecordType type(JsonObject in, String pointer) {
        JsonValue t = in.get("type");
        RecordType type = t instanceof JsonString s ? TYPES.get(s.getString()) : null;
        if (type == null) {
            throw CanonicalAdapter.invalid(pointer + "/type", "CANONICAL-TYPE", "'type' must be one of "
                    + TYPES.keySet().stream().sorted().toList() + ", not " + t);
        }
        if (type == RecordType.SIGNATURE && !(in.get("capturedIn") instanceof JsonString)) {
            throw CanonicalAdapter.invalid(pointer + "/capturedIn", "CANONICAL-SIGNATURE", "a signature from a file "
                    + "is one captured in its source system: 'capturedIn' must name that system");
        }
        return type;
    }

    private static void required(RecordComponent c, String at) {
        if (c.getType().isPrimitive() || c.getName().equals("key")) {
            throw CanonicalAdapter.invalid(at, "CANONICAL-REQUIRED", "'" + c.getName() + "' is required");
        }
    }

    private JsonValue convert(Type type, String name, JsonValue v, String at) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            String s = string(v, at, "a string");
            if (s.isBlank() && name.equals("key")) {
                throw CanonicalAdapter.invalid(at, "CANONICAL-REQUIRED", "'key' must not be blank");
            }
            return Json.createValue(name.equals("key") || name.endsWith("Key") ? context.key(s) : s);
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == long.class || raw == int.class) {
            if (!(v instanceof JsonNumber n)) {
                throw CanonicalAdapter.invalid(at, "CANONICAL-VALUE", "must be a number");
            }
            return n;
        }
        if (raw == Instant.class) {
            return Json.createValue(CanonicalJson.formatInstant(instant(v, at)));
        }
        if (raw.isEnum()) {
            return enumConstant(raw, string(v, at, "a string"), at);
        }
        if (raw == RecordRef.class) {
            return Json.createValue(reference(string(v, at, "a reference 'Label:key'"), at));
        }
        if (raw == List.class && v instanceof JsonArray list) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (int i = 0; i < list.size(); i++) {
                b.add(convert(item, name, list.get(i), at + "/" + i));
            }
            return b.build();
        }
        throw CanonicalAdapter.invalid(at, "CANONICAL-VALUE", "must be " + (raw == List.class ? "a list" : raw.getSimpleName()));
    }

    private static JsonValue enumConstant(Class<?> raw, String s, String at) {
        for (Object constant : raw.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(s)) {
                return Json.createValue(s);
            }
        }
        throw CanonicalAdapter.invalid(at, "CANONICAL-VALUE", "'" + s + "' is not one of "
                + Arrays.toString(raw.getEnumConstants()));
    }

    private String reference(String text, String at) {
        try {
            RecordRef ref = RecordRef.parse(text);
            return new RecordRef(ref.type(), context.key(ref.key())).toString();
        } catch (IllegalArgumentException e) {
            throw CanonicalAdapter.invalid(at, "CANONICAL-VALUE", "not a reference 'Label:key' (e.g. Lot:LOT-1): " + text);
        }
    }

    /** ISO-8601 with an offset or Z; a time without one is refused, as everywhere in ingest. */
    private static Instant instant(JsonValue v, String at) {
        String s = string(v, at, "a time");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw CanonicalAdapter.invalid(at, "CANONICAL-TIME", "'" + s + "' is not an ISO-8601 time with an offset");
        }
    }

    private static String string(JsonValue v, String at, String what) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw CanonicalAdapter.invalid(at, "CANONICAL-VALUE", "must be " + what);
    }

    private static LedgerRecord construct(RecordType type, JsonObject normal, String pointer) {
        try {
            return CanonicalJson.fromJson(normal.toString(), type.javaType());
        } catch (JsonbException | IllegalArgumentException | NullPointerException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw CanonicalAdapter.invalid(pointer, "CANONICAL-RECORD", "not a valid " + type.javaType().getSimpleName()
                    + ": " + root.getMessage());
        }
    }

    private static List<String> names(RecordComponent[] components) {
        return Arrays.stream(components).map(RecordComponent::getName).filter(n -> !n.equals("provenance")).toList();
    }
}
