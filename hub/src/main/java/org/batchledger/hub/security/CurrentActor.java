package org.batchledger.hub.security;

import java.util.List;
import java.util.Set;
import org.batchledger.lineage.ledger.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The ledger's "who" from the caller's token: subject, printed name, realm roles, client, and for segregation of
 * duties the names the user is known by (their Keycloak username and the MES usernames mapped to it, {@link
 * MesUsernames}).
 */
public final class CurrentActor {
    private CurrentActor() {
    }

    public static Actor of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("writes need a Keycloak token");
        }
        var jwt = token.getToken();
        String name = jwt.getClaimAsString("name");
        List<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        Set<String> knownAs = token instanceof HubAuthentication hub ? hub.knownAs()
                : MesUsernames.none().knownAs(jwt.getClaimAsString("preferred_username"));
        return new Actor(jwt.getSubject(), name == null ? token.getName() : name, roles,
                String.valueOf(jwt.getClaimAsString("azp")), knownAs);
    }
}
