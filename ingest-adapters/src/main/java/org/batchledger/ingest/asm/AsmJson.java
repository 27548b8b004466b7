package org.batchledger.ingest.asm;

import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.util.Map;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;

/** The one JSON-P parser factory of the ASM adapter, and the streaming helpers both passes share. */
final class AsmJson {
    static final JsonParserFactory FACTORY = Json.createParserFactory(Map.of());

    private AsmJson() {
    }

    /**
     * Skips the value whose first event was just read. Counted by hand: Parsson's own skipArray/skipObject spin
     * forever on a file that ends inside the value (a truncated upload), where next() fails as it should.
     */
    static void skip(JsonParser p, JsonParser.Event first) {
        if (first != JsonParser.Event.START_OBJECT && first != JsonParser.Event.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            switch (p.next()) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> {
                }
            }
        }
    }

    static InvalidSourceException notJson(JsonParsingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? null : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new InvalidSourceException(new IngestFinding(where, null, "ASM-JSON", "not JSON: " + e.getMessage()));
    }
}
