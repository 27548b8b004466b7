package org.batchledger.ingest.asm;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;

/**
 * The first, streaming pass over an ASM file: the manifest, the aggregate document's name, its small members
 * (device system, data system documents) and the names of its document lists, which are skipped here and read
 * one document at a time by the second pass.
 *
 * @param context the aggregate's members other than document lists (they may come after the lists)
 */
record AsmLayout(String manifest, String aggregate, Map<String, JsonValue> context, List<String> documentLists) {

    static AsmLayout read(InputStream in) throws java.io.IOException {
        try (JsonParser p = AsmJson.parser(in)) {
            expect(p, JsonParser.Event.START_OBJECT, "");
            String manifest = null;
            String aggregate = null;
            Map<String, JsonValue> context = new LinkedHashMap<>();
            List<String> lists = new ArrayList<>();
            while (p.next() == JsonParser.Event.KEY_NAME) {
                String key = p.getString();
                JsonParser.Event e = p.next();
                if (key.equals("$asm.manifest")) {
                    manifest = e == JsonParser.Event.VALUE_STRING ? p.getString() : null;
                } else if (key.endsWith(" aggregate document") && e == JsonParser.Event.START_OBJECT && aggregate == null) {
                    aggregate = key;
                    readAggregate(p, context, lists);
                } else {
                    AsmJson.skip(p, e);
                }
            }
            require(manifest != null, "/$asm.manifest", "no '$asm.manifest' string member: not an ASM document");
            require(aggregate != null, "", "no '<technique> aggregate document' object member");
            require(!lists.isEmpty(), JsonPointers.child("", aggregate), "the aggregate document holds no "
                    + "'<technique> document' list");
            return new AsmLayout(manifest, aggregate, context, lists);
        } catch (jakarta.json.JsonException e) {
            throw AsmJson.notJson(e);
        }
    }

    private static void readAggregate(JsonParser p, Map<String, JsonValue> context, List<String> lists) {
        while (p.next() == JsonParser.Event.KEY_NAME) {
            String key = p.getString();
            JsonParser.Event e = p.next();
            if (e == JsonParser.Event.START_ARRAY && key.endsWith(" document")) {
                lists.add(key);
                AsmJson.skip(p, JsonParser.Event.START_ARRAY);
            } else if (e == JsonParser.Event.START_OBJECT) {
                context.put(key, p.getObject());
            } else {
                AsmJson.skip(p, e);
            }
        }
    }

    private static void expect(JsonParser p, JsonParser.Event wanted, String pointer) {
        if (!p.hasNext() || p.next() != wanted) {
            throw new InvalidSourceException(new IngestFinding(pointer.isEmpty() ? "/" : pointer, null, "ASM-STRUCTURE",
                    "expected a JSON object with '$asm.manifest'"));
        }
    }

    private static void require(boolean ok, String pointer, String message) {
        if (!ok) {
            throw new InvalidSourceException(new IngestFinding(pointer.isEmpty() ? "/" : pointer, null, "ASM-REQUIRED",
                    message));
        }
    }

    JsonObject contextObject(String name) {
        return context.get(name) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }
}
