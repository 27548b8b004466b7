package org.batchledger.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;

/**
 * The demo realm issues the tokens the hub relies on. Tokens are decoded the way the hub decodes
 * them (discovery from the issuer, signature checked against the realm's keys, issuer validated).
 */
@Tag("REQ-SECURITY-004")
class KeycloakRealmTest {

    private static KeycloakServer keycloak;
    private static JwtDecoder decoder;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
        decoder = JwtDecoders.fromIssuerLocation(keycloak.issuer());
    }

    @ParameterizedTest(name = "{0} carries exactly {1}")
    @CsvSource({
        "operator, operator", "operator2, operator", "reviewer, qa-reviewer", "reviewer2, qa-reviewer",
        "releaser, qa-release", "inspector, inspector", "admin, admin", "integrator, adapter"})
    void demoUsersCarryExactlyTheirRealmRole(String username, String role) {
        Jwt token = decoder.decode(keycloak.passwordToken(username, "demo"));

        assertThat(realmRoles(token)).containsExactly(role);
        assertThat(token.getClaimAsString("preferred_username")).isEqualTo(username);
        assertThat(token.getClaimAsString("name")).isNotBlank();
        assertThat(token.getClaimAsString("azp")).isEqualTo("hub-cli");
    }

    @Test
    void userTokensAreForTheHubAndIssuedByTheStableLocalhostIssuer() {
        Jwt token = decoder.decode(keycloak.passwordToken("reviewer", "demo"));

        assertThat(token.getAudience()).contains("batchledger-hub");
        assertThat(token.getIssuer()).hasToString("http://localhost:" + port() + "/realms/batchledger");
    }

    @Test
    void ingestAdapterClientCredentialsCarryOnlyTheAdapterRole() {
        Jwt token = decoder.decode(keycloak.clientCredentialsToken("ingest-adapter", "demo-secret"));

        assertThat(realmRoles(token)).containsExactly("adapter");
        assertThat(token.getAudience()).contains("batchledger-hub");
        assertThat(token.getClaimAsString("azp")).isEqualTo("ingest-adapter");
    }

    @Test
    void wrongPasswordIsRefusedWith401() {
        var response = keycloak.requestToken(Map.of("grant_type", "password", "client_id", "hub-cli",
                "username", "inspector", "password", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_grant");
    }

    @Test
    void ingestAdapterCannotUseThePasswordGrant() {
        var response = keycloak.requestToken(Map.of("grant_type", "password", "client_id", "ingest-adapter",
                "client_secret", "demo-secret", "username", "operator", "password", "demo"));

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.body()).contains("unauthorized_client");
    }

    /**
     * What re-authentication for e-signatures reads (config/keycloak/README.md): a password grant carries no
     * auth_time in Keycloak 26, but the time its authenticators completed; a browser login carries auth_time.
     */
    @Test
    @Tag("REQ-SIGNATURE-024")
    void passwordGrantTokensDateTheirLoginAndBrowserLoginsCarryAuthTime() {
        long now = java.time.Instant.now().getEpochSecond();
        Jwt cli = decoder.decode(keycloak.passwordToken("reviewer", "demo"));
        Map<String, Object> completed = cli.getClaimAsMap("authenticators_completed");

        assertThat(cli.hasClaim("auth_time")).isFalse();
        assertThat(completed).isNotEmpty();
        assertThat(completed.values()).allSatisfy(t -> assertThat(((Number) t).longValue()).isBetween(now - 30, now + 30));
        Jwt ui = decoder.decode(new KeycloakBrowser(keycloak).accessToken("reviewer", "demo", Map.of()));
        assertThat(ui.getClaimAsString("azp")).isEqualTo("ui-client");
        assertThat(ui.getAudience()).contains("batchledger-hub");
        assertThat(ui.getClaimAsInstant("auth_time").getEpochSecond()).isBetween(now - 30, now + 30);
    }

    private static List<String> realmRoles(Jwt token) {
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) realmAccess.get("roles");
        return roles;
    }

    private static int port() {
        return java.net.URI.create(keycloak.issuer()).getPort();
    }
}
