package org.batchledger.hub.store;

import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Neo4j answers a read and the ledger head is readable. */
@Component("neo4j")
class Neo4jHealthIndicator implements HealthIndicator {
    private static final String PROBE = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.seq, 0) AS ledgerSize""";
    private final GraphDatabase db;

    Neo4jHealthIndicator(GraphDatabase db) {
        this.db = db;
    }

    @Override
    public Health health() {
        try {
            long size = db.read(tx -> tx.run(PROBE, Map.of()).single().get("ledgerSize").asLong());
            return Health.up().withDetail("ledgerSize", size).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
