package org.batchledger.schema.json;

/** A record value with no canonical form (a lone surrogate, a NaN): the record is refused, never hashed loosely. */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;

    InvalidValueException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The record field (or provenance field) holding the value. */
    public String field() {
        return field;
    }
}
