package org.batchledger.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/**
 * REQ-RELIABILITY-003, embedded default: routing driver on loopback, data survives a restart, a taken port is
 * named.
 */
@Tag("REQ-RELIABILITY-003")
class EmbeddedNeo4jIT {
    private static final Material WATER = new Material("plant:MAT-PW", "Purified water", Material.MaterialKind.UTILITY,
            "L", new Provenance("test", null, "admin", java.time.Instant.parse("2026-01-01T00:00:00Z"),
            java.time.Instant.parse("2026-01-01T00:00:00Z")));

    @TempDir
    Path home;

    @Test
    void dataSurvivesARestartAndTheDriverUsesTheRoutingSchemeOnLoopback() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0); Driver driver = driver(neo4j)) {
            assertThat(neo4j.boltUri().getScheme()).isEqualTo("neo4j");
            assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            new RecordWriter(db, new LedgerAppender(Clock.systemUTC()))
                    .write(WriteRequest.of(List.of(WATER), Actor.system("test"), "restart test"));
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0); Driver driver = driver(neo4j)) {
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            assertThat(new RecordQueries(db).<Material>byKey(RecordType.MATERIAL, "plant:MAT-PW")).contains(WATER);
        }
    }

    @Test
    void aTakenBoltPortIsRefusedWithAMessageNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedNeo4j.start(home, port))
                    .isInstanceOf(EmbeddedNeo4j.PortInUseException.class)
                    .hasMessageContaining("127.0.0.1:" + port + " is already in use");
        }
    }

    private static Driver driver(EmbeddedNeo4j neo4j) {
        return org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
    }
}
