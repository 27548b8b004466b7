package org.batchledger.lineage.write;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.verifier.proof.Sha256;

/**
 * A request's canonical hash: lower-case hex SHA-256 of the RFC 8785 bytes of the JSON object
 * {@code {"command": <name>, "actor": <subject>, "reason": <text>, "content": <the command's content>}}. JSON, not
 * a string join, so no two different requests share their bytes. The content is the command's own: a create
 * lists {@code {"type", "key", "contentHash"}} per record in request order, a correction names the record and
 * its field changes.
 */
final class RequestHash {
    private static final JsonProvider JSON = JsonProvider.provider();

    private RequestHash() {
    }

    static String of(String command, Actor actor, String reason, Object content) {
        JsonObjectBuilder request = JSON.createObjectBuilder()
                .add("command", command)
                .add("actor", actor.subject())
                .add("content", json(content));
        request.add("reason", reason == null ? JsonValue.NULL : JSON.createValue(reason));
        return Sha256.hex(CanonicalJson.canonicalize(request.build().toString()));
    }

    private static JsonValue json(Object v) {
        return switch (v) {
            case null -> JsonValue.NULL;
            case String s -> JSON.createValue(s);
            case Long l -> JSON.createValue(l);
            case Integer i -> JSON.createValue(i);
            case Double d -> JSON.createValue(d);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case List<?> list -> {
                JsonArrayBuilder a = JSON.createArrayBuilder();
                list.forEach(x -> a.add(json(x)));
                yield a.build();
            }
            case Map<?, ?> map -> {
                JsonObjectBuilder o = JSON.createObjectBuilder();
                map.forEach((k, x) -> o.add(k.toString(), json(x)));
                yield o.build();
            }
            default -> JSON.createValue(v.toString());
        };
    }
}
