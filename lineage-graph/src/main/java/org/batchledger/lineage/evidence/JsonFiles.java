package org.batchledger.lineage.evidence;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/** The package's JSON files: written indented (for people), read back with JSON-P. */
final class JsonFiles {
    private static final jakarta.json.JsonWriterFactory WRITERS =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JsonFiles() {
    }

    static byte[] bytes(JsonStructure json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var w = WRITERS.createWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write(json);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static JsonObject object(byte[] bytes) {
        try (var r = Json.createReader(new ByteArrayInputStream(bytes))) {
            return r.readObject();
        }
    }

    static JsonValue orNull(JsonObject o, String name) {
        return o.containsKey(name) ? o.get(name) : JsonValue.NULL;
    }
}
