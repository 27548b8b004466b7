package org.batchledger.ingest.asm;

import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;

/**
 * Allotrope Simple Model JSON ({@code asm}): every measurement of every technique document as test results, read
 * in two streaming passes (layout, then one technique document at a time), so memory follows the largest
 * technique document, not the file.
 */
public final class AsmAdapter implements IngestAdapter {
    static final String NAME = "asm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    /** An object whose members include {@code $asm.manifest} (usually the first). */
    @Override
    public int recognises(ContentSample sample) {
        String head = sample.text().stripLeading();
        return head.startsWith("{") && head.contains("\"$asm.manifest\"") ? 80 : 0;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        AsmLayout layout;
        try (InputStream in = source.open()) {
            layout = AsmLayout.read(in);
        } catch (NoSuchElementException | IllegalStateException e) {
            throw truncated(e);
        }
        Technique technique = Technique.of(layout.aggregate());
        if (technique == Technique.UNKNOWN) {
            sink.warning(new IngestFinding(JsonPointers.child("", layout.aggregate()), null, "ASM-TECHNIQUE",
                    "technique '" + layout.aggregate() + "' (" + layout.manifest() + ") is not one this adapter knows; "
                            + "imported generically (every value with a unit as a result)"));
        }
        MeasurementReader reader = new MeasurementReader(layout, context, sink);
        try (InputStream in = source.open(); JsonParser p = AsmJson.parser(in)) {
            eachDocument(p, layout, reader);
        } catch (jakarta.json.JsonException e) {
            throw AsmJson.notJson(e);
        } catch (NoSuchElementException | IllegalStateException e) {
            throw truncated(e);
        }
    }

    /** Streams to each document list of the aggregate and hands over one technique document at a time. */
    private static void eachDocument(JsonParser p, AsmLayout layout, MeasurementReader reader) {
        p.next();
        while (p.next() == JsonParser.Event.KEY_NAME) {
            String key = p.getString();
            JsonParser.Event e = p.next();
            if (!key.equals(layout.aggregate()) || e != JsonParser.Event.START_OBJECT) {
                AsmJson.skip(p, e);
                continue;
            }
            while (p.next() == JsonParser.Event.KEY_NAME) {
                String member = p.getString();
                JsonParser.Event v = p.next();
                if (v == JsonParser.Event.START_ARRAY && layout.documentLists().contains(member)) {
                    String list = JsonPointers.child(JsonPointers.child("", layout.aggregate()), member);
                    int i = 0;
                    for (JsonParser.Event item = p.next(); item != JsonParser.Event.END_ARRAY; item = p.next(), i++) {
                        reader.document(item == JsonParser.Event.START_OBJECT ? p.getObject() : null,
                                JsonPointers.child(list, i));
                        if (item == JsonParser.Event.START_ARRAY) {
                            AsmJson.skip(p, JsonParser.Event.START_ARRAY);
                        }
                    }
                } else {
                    AsmJson.skip(p, v);
                }
            }
            return;
        }
    }

    private static InvalidSourceException truncated(RuntimeException e) {
        return new InvalidSourceException(new IngestFinding(null, null, "ASM-JSON",
                "not JSON or truncated: " + e.getMessage()));
    }

    static JsonObject object(JsonObject o, String member) {
        return o != null && o.get(member) instanceof JsonObject child ? child : null;
    }
}
