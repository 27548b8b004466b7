package org.batchledger.ingest.asm;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /**
     * A parser over strictly decoded UTF-8 (RFC 8259), a leading byte-order mark skipped: a byte that is not UTF-8
     * is an error, never a replacement character in a sample identifier.
     */
    static JsonParser parser(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        return FACTORY.createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** Any JSON-P failure: a syntax error with its position, bytes that are not UTF-8, an empty or cut file. */
    static InvalidSourceException notJson(JsonException e) {
        if (e.getCause() instanceof CharacterCodingException) {
            return new InvalidSourceException(new IngestFinding(null, null, "ASM-ENCODING",
                    "bytes that are not UTF-8 (JSON must be UTF-8)"));
        }
        if (!(e instanceof JsonParsingException parsing)) {
            return new InvalidSourceException(new IngestFinding(null, null, "ASM-JSON", "not JSON: " + e.getMessage()));
        }
        return located(parsing);
    }

    private static InvalidSourceException located(JsonParsingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? null : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new InvalidSourceException(new IngestFinding(where, null, "ASM-JSON", "not JSON: " + e.getMessage()));
    }
}
