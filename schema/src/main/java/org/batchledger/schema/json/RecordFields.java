package org.batchledger.schema.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The fields of a record type as their record components say (the provenance's components flattened, as stored):
 * the type of each, a field's value from text, and the differences between two versions of a record. The one place
 * that knows how a field is typed; nothing guesses from names.
 */
public final class RecordFields {
    private static final String PROVENANCE = "provenance";

    private RecordFields() {
    }

    /** One field whose value differs between two versions; values as text (null: absent). */
    public record Difference(String field, String oldValue, String newValue) {
    }

    /** A text value that is not of its field's type. */
    public static final class BadValueException extends IllegalArgumentException {
        private final String field;

        BadValueException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The stored fields of a type in declaration order, each with its Java type. */
    public static Map<String, Class<?>> of(RecordType type) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (RecordComponent c : type.javaType().getRecordComponents()) {
            if (c.getName().equals(PROVENANCE)) {
                for (RecordComponent p : Provenance.class.getRecordComponents()) {
                    fields.put(p.getName(), p.getType());
                }
            } else {
                fields.put(c.getName(), c.getType());
            }
        }
        return fields;
    }

    /**
     * A field's value from its text as the stored property value (numbers as Long/Double, instants as fixed-width
     * UTC text, enums by constant name, references as {@code Label:key}); null text clears the field.
     */
    private static String kind(Class<?> javaType) {
        if (javaType == double.class || javaType == Double.class) {
            return "a number";
        }
        if (javaType == long.class || javaType == Long.class || javaType == int.class || javaType == Integer.class) {
            return "a whole number";
        }
        return "a " + javaType.getSimpleName();
    }

    public static Object storedValue(RecordType type, String field, String text) {
        Class<?> javaType = of(type).get(field);
        if (javaType == null) {
            throw new BadValueException(field, field + " is not a field of " + type.graphName());
        }
        if (text == null) {
            return null;
        }
        try {
            return parse(javaType, text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadValueException(field, "field " + field + " needs " + kind(javaType) + ", got '" + text + "'");
        }
    }

    private static Object parse(Class<?> javaType, String text) {
        if (javaType == double.class || javaType == Double.class) {
            return Double.parseDouble(text);
        }
        if (javaType == int.class || javaType == long.class || javaType == Integer.class || javaType == Long.class) {
            return Long.parseLong(text);
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(text);
            }
            return Boolean.parseBoolean(text);
        }
        if (javaType == Instant.class) {
            return CanonicalJson.formatInstant(Instant.parse(text));
        }
        if (javaType.isEnum()) {
            for (Object constant : javaType.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return text;
                }
            }
            throw new IllegalArgumentException(text);
        }
        if (javaType == RecordRef.class) {
            return RecordRef.parse(text).toString();
        }
        if (javaType == List.class) {
            throw new IllegalArgumentException("a list is not given as one text value");
        }
        return text;
    }

    /** The fields whose values differ from {@code before} to {@code after} (before null: a new record). */
    public static List<Difference> differences(LedgerRecord before, LedgerRecord after) {
        Objects.requireNonNull(after, "after");
        if (before != null && before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("not two versions of one record type");
        }
        Map<String, Object> old = values(before);
        List<Difference> differences = new ArrayList<>();
        values(after).forEach((field, value) -> {
            Object was = old.get(field);
            if (!Objects.equals(was, value)) {
                differences.add(new Difference(field, text(was), text(value)));
            }
        });
        return differences;
    }

    private static Map<String, Object> values(LedgerRecord record) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (record == null) {
            return values;
        }
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = get(c, record);
            if (c.getName().equals(PROVENANCE)) {
                for (RecordComponent p : Provenance.class.getRecordComponents()) {
                    values.put(p.getName(), get(p, value));
                }
            } else {
                values.put(c.getName(), value);
            }
        }
        return values;
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> CanonicalJson.formatInstant(i);
            case Enum<?> e -> e.name();
            case List<?> list -> list.stream().map(RecordFields::text).toList().toString();
            default -> value.toString();
        };
    }
}
