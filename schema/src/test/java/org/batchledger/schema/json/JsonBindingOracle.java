package org.batchledger.schema.json;

import org.batchledger.verifier.proof.Sha256;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.LedgerRecord;

/**
 * The general path the direct record encoder replaced, kept only as its test oracle: JSON-B, then the RFC 8785
 * canonicalizer for the bytes, and a JSON-P re-parse of the JSON-B text, provenance flattened, for the stored map.
 */
public final class JsonBindingOracle {
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBindingOracle() {
    }

    public static byte[] canonicalBytes(LedgerRecord record) {
        return CanonicalJson.canonicalize(CanonicalJson.toJson(record));
    }

    public static String contentHash(LedgerRecord record) {
        return Sha256.hex(canonicalBytes(record));
    }

    public static Map<String, Object> properties(LedgerRecord record) {
        JsonObject json = JSON.createReader(new StringReader(CanonicalJson.toJson(record))).readObject();
        Map<String, Object> props = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            if ("provenance".equals(name)) {
                value.asJsonObject().forEach((k, v) -> props.put(k, simple(v)));
            } else {
                props.put(name, simple(value));
            }
        });
        return props;
    }

    private static Object simple(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).isIntegral() ? (Object) ((JsonNumber) v).longValue()
                    : (Object) ((JsonNumber) v).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                ((JsonArray) v).forEach(x -> out.add(simple(x)));
                yield out;
            }
            case OBJECT -> throw new IllegalArgumentException("nested objects are not stored as properties: " + v);
        };
    }
}
