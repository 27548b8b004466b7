package org.batchledger.ingest;

import java.util.Objects;

/**
 * One problem or warning about a source file: where (a locator: {@code line 12}, an XPath, a JSON pointer), which
 * field, which rule, and a sentence for a person.
 *
 * @param rule a stable code, e.g. {@code XML-WELL-FORMED}, {@code CSV-NUMBER}, {@code TIME-ZONE}
 */
public record IngestFinding(String locator, String field, String rule, String message) {
    public IngestFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (locator == null ? "" : locator + ": ") + (field == null ? "" : field + ": ") + message + " [" + rule + "]";
    }
}
