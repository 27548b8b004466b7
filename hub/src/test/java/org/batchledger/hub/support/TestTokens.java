package org.batchledger.hub.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak-shaped tokens signed with a test key whose JWKS a loopback server publishes, so tests go through the
 * hub's production token validation (signature, issuer, audience, expiry). Forged, expired and wrong-issuer
 * tokens are one call away. The real-Keycloak suite proves the realm issues tokens of this shape.
 */
public final class TestTokens {
    public static final String ISSUER = "http://localhost:8180/realms/batchledger";
    public static final String AUDIENCE = "batchledger-hub";
    private static TestTokens shared;

    private final RSAKey key;
    private final RSAKey forger;
    private final HttpServer jwks;

    private TestTokens() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        forger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> jwks.stop(0)));
    }

    public static synchronized TestTokens shared() {
        if (shared == null) {
            try {
                shared = new TestTokens();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test JWKS server", e);
            }
        }
        return shared;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs";
    }

    /** A valid token for a demo user holding the given realm roles. */
    public String forUser(String username, String... roles) {
        return sign(key, claims(username, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    /** A valid token for a run longer than a login: the benchmark suite's medium run takes most of an hour. */
    public String forUserValidFor(Duration lifetime, String username, String... roles) {
        return sign(key, claims(username, ISSUER, AUDIENCE, Instant.now().plus(lifetime), roles));
    }

    /** A valid token whose user authenticated at {@code authTime} (OIDC auth_time), e.g. just now to sign. */
    public String authenticatedAt(Instant authTime, String username, String... roles) {
        return sign(key, new JWTClaimsSet.Builder(claims(username, ISSUER, AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(5)), roles)).claim("auth_time", authTime.getEpochSecond()).build());
    }

    /** A valid token that says nothing about when its user authenticated. */
    public String withoutAuthTime(String username, String... roles) {
        return sign(key, new JWTClaimsSet.Builder(claims(username, ISSUER, AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(5)), roles)).claim("auth_time", null).build());
    }

    public String expired(String username, String... roles) {
        return sign(key, claims(username, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), roles));
    }

    public String forged(String username, String... roles) {
        return sign(forger, claims(username, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    public String wrongIssuer(String username, String... roles) {
        return sign(key, claims(username, "http://localhost:9999/realms/other", AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    public String wrongAudience(String username, String... roles) {
        return sign(key, claims(username, ISSUER, "another-app", Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    /** Signed by the realm's key, but valid only from ten minutes from now (nbf). */
    public String notYetValid(String username, String... roles) {
        JWTClaimsSet valid = claims(username, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(30)), roles);
        return sign(key, new JWTClaimsSet.Builder(valid).notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                .issueTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build());
    }

    private static JWTClaimsSet claims(String user, String issuer, String audience, Instant expires, String... roles) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .audience(List.of(audience, "account")).expirationTime(Date.from(expires))
                .issueTime(Date.from(expires.minus(Duration.ofMinutes(15)))).claim("auth_time", expires.getEpochSecond() - 900)
                .claim("azp", "hub-cli").claim("preferred_username", user).claim("name", "Demo " + user)
                .claim("realm_access", Map.of("roles", List.of(roles))).jwtID(UUID.randomUUID().toString()).build();
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
