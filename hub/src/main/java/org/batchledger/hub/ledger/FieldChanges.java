package org.batchledger.hub.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.ledger.CorrectionController.FieldChange;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.RecordType;

/** Text values of a correction as the stored property values of the record's field types. */
final class FieldChanges {
    private FieldChanges() {
    }

    static Map<String, Object> typed(RecordType type, List<FieldChange> changes) {
        Map<String, Object> typed = new HashMap<>();
        for (FieldChange c : changes) {
            typed.put(c.field(), c.value() == null ? null : value(type, c.field(), c.value()));
        }
        return typed;
    }

    private static Object value(RecordType type, String field, String text) {
        Class<?> javaType = fieldType(type, field);
        try {
            if (javaType == double.class || javaType == Double.class) {
                return Double.parseDouble(text);
            }
            if (javaType == int.class || javaType == long.class || javaType == Integer.class || javaType == Long.class) {
                return Long.parseLong(text);
            }
            if (javaType == boolean.class || javaType == Boolean.class) {
                return Boolean.parseBoolean(text);
            }
            if (javaType == Instant.class) {
                return CanonicalJson.formatInstant(Instant.parse(text));
            }
            return text;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadRequestException("argument 'changes': field " + field + " needs a " + javaType.getSimpleName()
                    + ", got '" + text + "'");
        }
    }

    private static Class<?> fieldType(RecordType type, String field) {
        if (RecordProperties.PROVENANCE_KEYS.contains(field)) {
            return field.endsWith("At") ? Instant.class : String.class;
        }
        return Arrays.stream(type.javaType().getRecordComponents()).filter(c -> c.getName().equals(field))
                .findFirst().<Class<?>>map(java.lang.reflect.RecordComponent::getType).orElse(String.class);
    }
}
