package org.batchledger.hub.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.store.DatabaseFailure;
import org.batchledger.lineage.store.GraphDatabase;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of liveness: the embedded Neo4j has not stopped for good. After a failure of its own (its disk full) Neo4j
 * fails every transaction until it is restarted, and Community cannot restart one database, so only a restart of
 * the hub brings it back: liveness goes DOWN, and an orchestrator's liveness probe restarts the hub (once there is
 * room on the disk its start succeeds and its recovery keeps what committed). Any other failure (slow, busy) and an
 * external server are not the hub process's life: UP.
 */
@Component("embeddedNeo4jAlive")
class EmbeddedNeo4jLivenessIndicator implements HealthIndicator {
    private final GraphDatabase db;
    private final Path embeddedHome;

    EmbeddedNeo4jLivenessIndicator(GraphDatabase db, HubProperties props) {
        this.db = db;
        this.embeddedHome = props.embeddedNeo4jHome();
    }

    @Override
    public Health health() {
        if (embeddedHome == null) {
            return Health.up().withDetail("embedded", false).build();
        }
        Optional<DatabaseFailure> stopped;
        try {
            db.read(tx -> tx.run("RETURN 1 AS one", Map.of()).consume());
            return Health.up().build();
        } catch (RuntimeException e) {
            stopped = DatabaseFailure.of(e).filter(DatabaseFailure::stopped);
        }
        return stopped.map(f -> Health.down().withDetail("cause", f.describe(embeddedHome)).build())
                .orElseGet(() -> Health.up().build());
    }
}
