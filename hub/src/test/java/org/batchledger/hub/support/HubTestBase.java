package org.batchledger.hub.support;

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

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("batchledger.neo4j.uri", () -> NEO4J.uri().toString());
        registry.add("batchledger.keycloak.issuer", () -> TestTokens.ISSUER);
        registry.add("batchledger.keycloak.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        // The ledger's signing key is created under data-dir: keep it in the build directory.
        registry.add("batchledger.data-dir", () -> "target/hub-test-data");
    }

    protected GraphQlHttp graphql() {
        return new GraphQlHttp(port);
    }

    protected static String inspector() {
        return TOKENS.forUser("inspector", "inspector");
    }
}
