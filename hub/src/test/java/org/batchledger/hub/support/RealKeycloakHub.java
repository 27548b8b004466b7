package org.batchledger.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A hub against the real Keycloak server ({@link KeycloakServer#shared()}) with a short re-authentication window, so
 * "a login older than the window" is a short wait; and real logins through the demo realm's {@code hub-cli} client.
 */
public final class RealKeycloakHub {
    private RealKeycloakHub() {
    }

    /** The hub's properties: the shared test Neo4j, the real realm, no demo plant, the given window. */
    public static void properties(DynamicPropertyRegistry registry, Duration window) {
        KeycloakServer keycloak = KeycloakServer.shared();
        registry.add("batchledger.neo4j.uri", () -> Neo4jTestServer.shared().uri().toString());
        registry.add("batchledger.keycloak.issuer", keycloak::issuer);
        registry.add("batchledger.keycloak.jwk-set-uri", keycloak::jwkSetUri);
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("batchledger.data-dir", () -> HubTestBase.dataDir().toString());
        registry.add("batchledger.signature.reauthentication-window", window::toString);
    }

    /** A fresh password-grant login of a demo user: {@code access_token} and {@code refresh_token}. */
    public static Map<String, String> passwordGrant(String user) {
        return tokens(KeycloakServer.shared().requestToken(Map.of("grant_type", "password", "client_id", "hub-cli",
                "username", user, "password", "demo")));
    }

    /** A new access token from a refresh token (refreshing is not authenticating). */
    public static String refresh(String refreshToken) {
        return tokens(KeycloakServer.shared().requestToken(Map.of("grant_type", "refresh_token",
                "client_id", "hub-cli", "refresh_token", refreshToken))).get("access_token");
    }

    private static Map<String, String> tokens(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject o = reader.readObject();
            return Map.of("access_token", o.getString("access_token"), "refresh_token", o.getString("refresh_token"));
        }
    }
}
