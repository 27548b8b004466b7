package org.batchledger.ingest.document;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchledger.schema.record.RecordType;

/**
 * The lot or batch a document is about, found in its text: the first "Lot", "Lot No.", "Batch", "Batch number",
 * "Charge" label followed by an identifier. What the upload names wins over the text.
 */
final class Identifiers {
    private static final Pattern LABELLED = Pattern.compile(
            "\\b(lot|batch|charge)(?:[ \\t]*(?:no\\.?|number|nr\\.?|#|id))?[ \\t]*[:#]?[ \\t]*([A-Z0-9][A-Za-z0-9._/-]{2,63})",
            Pattern.CASE_INSENSITIVE);

    private Identifiers() {
    }

    /** A record the text names: type and the identifier as written. */
    record Named(RecordType type, String id) {
    }

    static Optional<Named> find(String text) {
        Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            String id = m.group(2);
            if (id.chars().anyMatch(Character::isDigit)) {
                return Optional.of(new Named(m.group(1).equalsIgnoreCase("lot") ? RecordType.LOT : RecordType.BATCH, id));
            }
        }
        return Optional.empty();
    }

    /** What the upload's {@code about} names: {@code Lot:<id>}, {@code Batch:<id>} or a bare id (a lot). */
    static Named parse(String about) {
        String text = about.strip();
        if (text.regionMatches(true, 0, "Lot:", 0, 4)) {
            return new Named(RecordType.LOT, text.substring(4));
        }
        if (text.regionMatches(true, 0, "Batch:", 0, 6)) {
            return new Named(RecordType.BATCH, text.substring(6));
        }
        return new Named(RecordType.LOT, text);
    }
}
