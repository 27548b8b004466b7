package org.batchledger.lineage.evidence;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/** The package's JSON files: written indented (for people), read back with JSON-P. */
final class JsonFiles {
    /**
     * One provider for every builder and reader: each static {@code Json.createX} call looks the provider up again
     * (a service-loader scan), which dominated the export of a package with thousands of files.
     */
    static final JsonProvider JSON = JsonProvider.provider();
    private static final jakarta.json.JsonWriterFactory WRITERS =
            JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    private static final jakarta.json.JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

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
        try (var r = READERS.createReader(new ByteArrayInputStream(bytes))) {
            return r.readObject();
        }
    }

    static JsonValue orNull(JsonObject o, String name) {
        return o.containsKey(name) ? o.get(name) : JsonValue.NULL;
    }
}
