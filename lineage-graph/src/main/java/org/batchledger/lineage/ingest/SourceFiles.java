package org.batchledger.lineage.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.SourceFile;

/** SourceFile records by key ({@code sha256:<hex>}), batched: one query for any number of keys. */
public final class SourceFiles {
    private static final String BY_KEYS = """
            UNWIND $keys AS k MATCH (f:SourceFile {key: k, version: 1}) WHERE""" + Visibility.published("f") + """
            RETURN k, properties(f) AS p""";
    private static final String ANY_NAMED = "RETURN EXISTS { MATCH (:SourceFile {key: $key}) } AS named";
    private final GraphDatabase db;

    public SourceFiles(GraphDatabase db) {
        this.db = db;
    }

    /** Whether any SourceFile node has the key, published or staged, of any version: its original is in use. */
    public boolean anyNamed(String key) {
        return db.read(tx -> tx.run(ANY_NAMED, Map.of("key", key)).single().get("named").asBoolean());
    }

    public Map<String, SourceFile> byKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.read(tx -> {
            Map<String, SourceFile> found = new HashMap<>();
            tx.run(BY_KEYS, Map.of("keys", keys)).forEachRemaining(r -> found.put(r.get("k").asString(),
                    RecordProperties.toRecord(r.get("p").asMap(), SourceFile.class)));
            return found;
        });
    }
}
