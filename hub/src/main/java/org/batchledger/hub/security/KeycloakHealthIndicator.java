package org.batchledger.hub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.batchledger.hub.HubProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Keycloak publishes the realm's signing keys: without them no token with a new key can be checked. */
@Component("keycloak")
class KeycloakHealthIndicator implements HealthIndicator {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI keys;

    KeycloakHealthIndicator(HubProperties props) {
        this.keys = URI.create(props.keycloak().jwkSetUri());
    }

    @Override
    public Health health() {
        try {
            HttpRequest request = HttpRequest.newBuilder(keys).timeout(Duration.ofSeconds(3)).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return (status == 200 ? Health.up() : Health.down()).withDetail("jwks", keys.toString())
                    .withDetail("status", status).build();
        } catch (java.io.IOException e) {
            return Health.down().withDetail("jwks", keys.toString()).withDetail("error", e.toString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }
}
