package org.batchledger.lineage.write;

import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.DataMigration;
import org.batchledger.lineage.store.GraphDatabase;

/**
 * Results that name only a sample and were recorded before they were linked by {@link References#sampleLink} have
 * neither watch rows nor an edge, yet verification now expects the edge once their Lot or Batch exists: this links
 * them as a write would have. Runs at every start (by key, so it ends); a result left with neither is one whose Lot
 * and Batch both exist (ambiguous, unlinked by design) and is merely recomputed.
 */
public final class SampleLinkMigration implements DataMigration {
    private static final String TODO = """
            MATCH (t:TestResult {version: 1}) WHERE t.subject IS NULL AND t.sampleId IS NOT NULL AND t.key > $after
              AND NOT EXISTS { MATCH (t)-[:ON]->() }
              AND NOT EXISTS { MATCH (p:PendingReference {fromKey: t.key, field: $field}) }
            RETURN t.key AS k ORDER BY k LIMIT $limit""";

    @Override
    public String after() {
        return "V006__pending_references.cypher";
    }

    @Override
    public List<String> convert(GraphDatabase db, int batchSize) {
        String after = "";
        while (true) {
            String from = after;
            List<String> keys = db.read(tx -> tx.run(TODO, Map.of("after", from, "field", References.SAMPLE_ID,
                    "limit", batchSize)).list(r -> r.get("k").asString()));
            if (keys.isEmpty()) {
                return List.of();
            }
            db.write(tx -> {
                SampleLinks.linkRecorded(tx, keys);
                return null;
            });
            after = keys.getLast();
        }
    }

    @Override
    public List<String> afterCleanup() {
        return List.of();
    }
}
