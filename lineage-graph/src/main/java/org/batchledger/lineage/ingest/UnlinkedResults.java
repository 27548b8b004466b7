package org.batchledger.lineage.ingest;

import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.TestResult;

/**
 * Test results that name no lot or batch (an instrument export that carries only a sample ID), current versions,
 * by key, while they have no {@code ON} edge: the review queue's other half beside the references waiting for their
 * target. One is linked once exactly one Lot or Batch of its sample's key is recorded (not while both are: we do not
 * guess).
 */
public final class UnlinkedResults {
    private static final String PAGE = """
            MATCH (t:TestResult) WHERE t.subject IS NULL AND""" + Visibility.current("t") + """
            AND t.key > $after
              AND NOT EXISTS { MATCH (:TestResult {key: t.key, version: 1})-[:ON]->() }
            RETURN properties(t) AS p ORDER BY t.key LIMIT $limit""";
    private final GraphDatabase db;

    public UnlinkedResults(GraphDatabase db) {
        this.db = db;
    }

    public Page<TestResult> page(PageRequest request) {
        return db.read(tx -> Page.of(tx.run(PAGE, Map.of("after", request.afterOrEmpty(), "limit", request.first() + 1))
                .list(r -> RecordProperties.toRecord(r.get("p").asMap(), TestResult.class)), request, TestResult::key));
    }
}
