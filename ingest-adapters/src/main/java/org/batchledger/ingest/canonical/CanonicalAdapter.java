package org.batchledger.ingest.canonical;

import jakarta.json.Json;
import jakarta.json.JsonException;
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
import java.util.NoSuchElementException;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;

/**
 * Our own records as JSON ({@code canonical}), in the envelope {@code {"format": "batchledger-records/1",
 * "records": [{"type": "Lot", "key": …}, …]}}: any system can feed the hub without an adapter of its own. Streamed
 * one record at a time; each is checked member by member (pointer, rule) and then bound by the hub's one JSON-B.
 */
public final class CanonicalAdapter implements IngestAdapter {
    static final String NAME = "canonical";
    static final String FORMAT = "batchledger-records/1";
    private static final JsonParserFactory FACTORY = Json.createParserFactory(Map.of());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public int recognises(ContentSample sample) {
        String head = sample.text().stripLeading();
        return head.startsWith("{") && head.contains("\"" + FORMAT + "\"") && head.contains("\"records\"") ? 80 : 0;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        RecordBinder binder = new RecordBinder(context);
        try (InputStream in = source.open(); JsonParser p = parser(in)) {
            envelope(p, binder, sink);
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidSourceException(new IngestFinding(at == null ? null : "line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber(), null, "CANONICAL-JSON", "not JSON: " + e.getMessage()));
        } catch (JsonException e) {
            boolean encoding = e.getCause() instanceof CharacterCodingException;
            throw new InvalidSourceException(new IngestFinding(null, null, encoding ? "CANONICAL-ENCODING"
                    : "CANONICAL-JSON", encoding ? "bytes that are not UTF-8 (JSON must be UTF-8)"
                    : "not JSON: " + e.getMessage()));
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new InvalidSourceException(new IngestFinding(null, null, "CANONICAL-JSON",
                    "not JSON or truncated: " + e.getMessage()));
        }
    }

    private static void envelope(JsonParser p, RecordBinder binder, RecordSink sink) {
        if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
            throw invalid("", "CANONICAL-ENVELOPE", "expected an object {\"format\": \"" + FORMAT + "\", \"records\": [...]}");
        }
        String format = null;
        boolean records = false;
        while (p.next() == JsonParser.Event.KEY_NAME) {
            String key = p.getString();
            JsonParser.Event e = p.next();
            switch (key) {
                case "format" -> format = e == JsonParser.Event.VALUE_STRING ? p.getString() : "";
                case "records" -> {
                    if (format == null || e != JsonParser.Event.START_ARRAY) {
                        throw invalid("/records", "CANONICAL-ENVELOPE", format == null
                                ? "'format' must come before 'records'" : "'records' must be a list");
                    }
                    records = true;
                    records(p, binder, sink);
                }
                default -> throw invalid("/" + key, "CANONICAL-FIELD", "unknown envelope member; known: format, records");
            }
        }
        if (!FORMAT.equals(format)) {
            throw invalid("/format", "CANONICAL-ENVELOPE", "'format' must be \"" + FORMAT + "\"");
        }
        if (!records) {
            throw invalid("/records", "CANONICAL-ENVELOPE", "no 'records' list");
        }
    }

    private static void records(JsonParser p, RecordBinder binder, RecordSink sink) {
        int i = 0;
        for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_ARRAY; e = p.next(), i++) {
            if (e != JsonParser.Event.START_OBJECT) {
                throw invalid("/records/" + i, "CANONICAL-RECORD", "a record must be an object");
            }
            sink.record(binder.bind(p.getObject(), "/records/" + i));
        }
    }

    /** Strict UTF-8 (RFC 8259), a byte-order mark skipped. */
    private static JsonParser parser(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        return FACTORY.createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    static InvalidSourceException invalid(String pointer, String rule, String message) {
        return new InvalidSourceException(new IngestFinding(pointer.isEmpty() ? "/" : pointer, null, rule, message));
    }
}
