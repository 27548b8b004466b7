package org.batchledger.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub on a free loopback port, against the shared test Neo4j (Testcontainers or embedded) through the
 * production driver wiring, with tokens checked by the production JWT decoder against the test JWKS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubTestBase {
    protected static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    protected static final TestTokens TOKENS = TestTokens.shared();
    protected static final Path DATA_DIR = dataDirectory();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("batchledger.neo4j.uri", () -> NEO4J.uri().toString());
        registry.add("batchledger.keycloak.issuer", () -> TestTokens.ISSUER);
        registry.add("batchledger.keycloak.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        // The ledger's signing key and checkpoint log are created under data-dir: a fresh one in the build
        // directory for each test run, since the log remembers the ledger of the test Neo4j it was signed for.
        registry.add("batchledger.data-dir", DATA_DIR::toString);
    }

    /**
     * Empties the shared graph and the hub's checkpoint log with it: the log is the hub's memory of that ledger,
     * and a new ledger would otherwise be (rightly) refused as a rewrite of the old one.
     */
    public static void cleanLedger() {
        NEO4J.clean();
        try {
            Files.deleteIfExists(DATA_DIR.resolve("keys").resolve(CheckpointLog.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data directory the hub tests of this JVM share (for tests that do not extend this class). */
    public static Path dataDir() {
        return DATA_DIR;
    }

    private static Path dataDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "hub-test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected GraphQlHttp graphql() {
        return new GraphQlHttp(port);
    }

    protected static String inspector() {
        return TOKENS.forUser("inspector", "inspector");
    }
}
