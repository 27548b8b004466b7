package org.batchledger.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.KeycloakServer;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * REQ-SECURITY-002, REQ-SECURITY-004, identity: the hub against a real Keycloak server (the distribution from Maven
 * Central, started
 * as a child process on loopback with the versioned demo realm) and real tokens from its clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("REQ-SECURITY-002")
@Tag("REQ-SECURITY-004")
class RealKeycloakIT {
    private static final String BATCHES = "{ batches(first: 5) { edges { node { id } } } }";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realKeycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.shared();
        registry.add("batchledger.neo4j.uri", () -> Neo4jTestServer.shared().uri().toString());
        registry.add("batchledger.keycloak.issuer", keycloak::issuer);
        registry.add("batchledger.keycloak.jwk-set-uri", keycloak::jwkSetUri);
        registry.add("batchledger.demo-plant.enabled", () -> "false");
    }

    @Test
    void anInspectorTokenFromHubCliListsBatches() {
        String token = KeycloakServer.shared().passwordToken("inspector", "demo");
        Response r = new GraphQlHttp(port).post(token, BATCHES);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasErrors()).as("errors: %s", r.body()).isFalse();
        assertThat(r.at("/data/batches/edges")).isNotNull();
    }

    @Test
    void everyReadingDemoUserIsLetInWithTheirRealToken() {
        for (String user : new String[] {"operator", "operator2", "reviewer", "reviewer2", "releaser", "admin"}) {
            Response r = new GraphQlHttp(port).post(KeycloakServer.shared().passwordToken(user, "demo"), BATCHES);
            assertThat(r.hasErrors()).as("%s: %s", user, r.body()).isFalse();
        }
    }

    @Test
    void theIngestAdapterServiceAccountMayNotReadBatches() {
        String token = KeycloakServer.shared().clientCredentialsToken("ingest-adapter", "demo-secret");
        Response r = new GraphQlHttp(port).post(token, BATCHES);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.errorClass()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aRealTokenWithOneCharacterChangedIsRefusedWith401() {
        String token = KeycloakServer.shared().passwordToken("inspector", "demo");
        int i = token.lastIndexOf('.') + 5;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        assertThat(new GraphQlHttp(port).post(tampered, BATCHES).status()).isEqualTo(401);
    }
}
