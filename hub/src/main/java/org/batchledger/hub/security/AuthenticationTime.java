package org.batchledger.hub.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * When the caller last authenticated, from their signed token: {@code auth_time} (OIDC; Keycloak sets it in the
 * browser flow and keeps it across SSO and refresh). Keycloak's password grant sets no {@code auth_time}; for clients
 * that use only that grant, the realm maps the user session note {@code authenticators-completed} (the time each
 * authenticator of the login succeeded, unchanged by refresh) to the claim {@code authenticators_completed}, and the
 * latest of those times is when the password was checked. Null when the token says neither: never a client's word.
 */
public final class AuthenticationTime {
    static final String AUTH_TIME = "auth_time";
    static final String AUTHENTICATORS_COMPLETED = "authenticators_completed";

    private AuthenticationTime() {
    }

    /** @param directGrantClients clients (azp) that have no browser flow, whose completed authenticators may be read */
    public static Instant of(Authentication authentication, Set<String> directGrantClients) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return null;
        }
        Jwt jwt = token.getToken();
        Instant authTime = jwt.getClaimAsInstant(AUTH_TIME);
        if (authTime != null || !directGrantClients.contains(jwt.getClaimAsString("azp"))) {
            return authTime;
        }
        return latestCompleted(jwt.getClaims().get(AUTHENTICATORS_COMPLETED));
    }

    private static Instant latestCompleted(Object claim) {
        Long latest = null;
        if (claim instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                if (v instanceof Number n) {
                    latest = latest == null ? n.longValue() : Math.max(latest, n.longValue());
                }
            }
        } else if (claim instanceof String text) {
            try (var reader = Json.createReader(new StringReader(text))) {
                JsonObject o = reader.readObject();
                for (var v : o.values()) {
                    if (v instanceof JsonNumber n) {
                        latest = latest == null ? n.longValue() : Math.max(latest, n.longValue());
                    }
                }
            } catch (JsonException | IllegalStateException | ClassCastException notJson) {
                return null;
            }
        }
        return latest == null ? null : Instant.ofEpochSecond(latest);
    }
}
