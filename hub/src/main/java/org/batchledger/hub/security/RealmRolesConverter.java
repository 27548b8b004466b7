package org.batchledger.hub.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak's {@code realm_access.roles} become {@code ROLE_<role>} authorities; nothing else grants a role. The
 * user's Keycloak username and the MES usernames mapped to it ({@link MesUsernames}) go with the authentication.
 */
public final class RealmRolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final MesUsernames mesUsernames;

    public RealmRolesConverter() {
        this(MesUsernames.none());
    }

    RealmRolesConverter(MesUsernames mesUsernames) {
        this.mesUsernames = mesUsernames;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return new HubAuthentication(jwt, authorities(jwt), name == null ? jwt.getSubject() : name,
                mesUsernames.knownAs(name));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
