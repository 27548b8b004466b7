package org.batchledger.schema.record;

import java.util.Objects;

/**
 * A typed pointer to another record, e.g. what a deviation impacts or a signature signs. Its text form
 * {@code Label:key} (e.g. {@code Lot:plant-a:LOT-0001}) is also the record's global ID in the API.
 */
public record RecordRef(RecordType type, String key) {
    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a record key must not be blank");
        }
    }

    public static RecordRef of(LedgerRecord record) {
        return new RecordRef(record.type(), record.key());
    }

    /** Parses {@code Label:key}; the key may itself contain colons. */
    public static RecordRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a record reference (Label:key): " + text);
        }
        return new RecordRef(RecordType.ofGraphName(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return type.graphName() + ":" + key;
    }
}
