package org.batchledger.hub;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code batchledger.*} (environment: {@code BATCHLEDGER_*}). With no Neo4j URI the hub starts
 * Neo4j embedded under {@code data-dir}; with one it talks to that server or cluster and starts none.
 */
@ConfigurationProperties("batchledger")
public record HubProperties(Path dataDir, Neo4j neo4j, Keycloak keycloak, DemoPlant demoPlant) {

    public HubProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        neo4j = neo4j == null ? new Neo4j(null, null, null, null, null, null) : neo4j;
        keycloak = keycloak == null ? new Keycloak(null, null, null) : keycloak;
        demoPlant = demoPlant == null ? new DemoPlant(false, 20261124L, "DEMO") : demoPlant;
    }

    /** The embedded Neo4j's directory (its data, transaction logs and own logs), or null with an external server. */
    public Path embeddedNeo4jHome() {
        return neo4j.external() ? null : dataDir.resolve("neo4j");
    }

    /**
     * @param uri      {@code neo4j://} or {@code neo4j+s://} of an external server or cluster; blank ⇒ embedded
     * @param database the database name (default {@code neo4j})
     * @param retryTime how long the driver retries a transaction on transient failures and waits for a connection
     *                  before a request answers SERVICE_UNAVAILABLE (default 5 s)
     */
    public record Neo4j(String uri, String username, String password, String database, Embedded embedded,
                        java.time.Duration retryTime) {
        public Neo4j {
            database = database == null || database.isBlank() ? "neo4j" : database;
            retryTime = retryTime == null ? java.time.Duration.ofSeconds(5) : retryTime;
            embedded = embedded == null ? new Embedded(7687) : embedded;
        }

        public boolean external() {
            return uri != null && !uri.isBlank();
        }
    }

    /** @param boltPort loopback Bolt port of the embedded server; 0 picks a free one */
    public record Embedded(int boltPort) {
    }

    /**
     * @param issuer   the realm's issuer URI; tokens must carry exactly this {@code iss}
     * @param jwkSetUri where the realm's signing keys are; derived from the issuer when blank
     * @param audience the audience tokens must carry
     */
    public record Keycloak(String issuer, String jwkSetUri, String audience) {
        public Keycloak {
            issuer = issuer == null || issuer.isBlank() ? "http://localhost:8180/realms/batchledger" : issuer;
            jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
            audience = audience == null || audience.isBlank() ? "batchledger-hub" : audience;
        }
    }

    /**
     * @param enabled load a generated plant into an empty graph at start
     * @param seed    the generator's seed
     * @param size    {@code TINY}, {@code DEMO} (384 batches), {@code LARGE} or a number of batches
     */
    public record DemoPlant(boolean enabled, long seed, String size) {
        public DemoPlant {
            size = size == null || size.isBlank() ? "DEMO" : size;
        }
    }
}
