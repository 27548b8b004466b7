package org.batchledger.hub.store;

import java.nio.file.Path;
import java.util.Map;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.store.DatabaseFailure;
import org.batchledger.lineage.store.GraphDatabase;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Neo4j answers a read and the ledger head is readable; down with the cause when Neo4j failed itself (disk full). */
@Component("neo4j")
class Neo4jHealthIndicator implements HealthIndicator {
    private static final String PROBE = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.seq, 0) AS ledgerSize""";
    private final GraphDatabase db;
    private final Path embeddedHome;

    Neo4jHealthIndicator(GraphDatabase db, HubProperties props) {
        this.db = db;
        this.embeddedHome = props.embeddedNeo4jHome();
    }

    @Override
    public Health health() {
        try {
            long size = db.read(tx -> tx.run(PROBE, Map.of()).single().get("ledgerSize").asLong());
            return Health.up().withDetail("ledgerSize", size).build();
        } catch (RuntimeException e) {
            Health.Builder down = Health.down().withDetail("error", e.getClass().getSimpleName());
            DatabaseFailure.of(e).ifPresent(f -> down.withDetail("cause", f.describe(embeddedHome)));
            return down.build();
        }
    }
}
