package org.batchledger.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * REQ-SECURITY-026: when the realm's signing keys cannot be fetched (the key set's address refuses connections, as a
 * Keycloak that is down or unreachable does), a token the hub has not checked before is answered 503 with a problem
 * body and Retry-After, logged in one line without a stack trace; never an unhandled 500.
 */
@Tag("REQ-SECURITY-026")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreachableRealmKeysIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();

    @LocalServerPort
    int port;

    /** HubTestBase's hub, but its realm's key set at an address that refuses connections. */
    @DynamicPropertySource
    static void keysNowhere(DynamicPropertyRegistry registry) {
        registry.add("batchledger.neo4j.uri", () -> NEO4J.uri().toString());
        registry.add("batchledger.keycloak.issuer", () -> TestTokens.ISSUER);
        registry.add("batchledger.keycloak.jwk-set-uri", () -> "http://127.0.0.1:" + closedPort()
                + "/realms/batchledger/protocol/openid-connect/certs");
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("batchledger.data-dir", () -> HubTestBase.dataDir().toString());
    }

    @Test
    void aTokenThatCannotBeCheckedIsServiceUnavailableNotAnInternalError(CapturedOutput log) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", "Bearer " + TestTokens.shared().forUser("inspector", "inspector")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(r.body()).contains("\"status\":503", "signing keys cannot be fetched").doesNotContain("Exception");
        assertThat(log.getOut() + log.getErr()).contains("a bearer token could not be checked")
                .doesNotContain("\tat org.springframework.security");
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // closed again at once: connections are refused
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
