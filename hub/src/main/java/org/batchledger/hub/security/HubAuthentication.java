package org.batchledger.hub.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A checked Keycloak token and the names its user is known by elsewhere ({@link MesUsernames}). */
final class HubAuthentication extends JwtAuthenticationToken {
    private final Set<String> knownAs;

    HubAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name, Set<String> knownAs) {
        super(jwt, authorities, name);
        this.knownAs = Set.copyOf(knownAs);
    }

    Set<String> knownAs() {
        return knownAs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HubAuthentication other && super.equals(other) && knownAs.equals(other.knownAs);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + knownAs.hashCode();
    }
}
