package org.batchledger.hub.security;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which MES usernames are which hub user, for segregation of duties on ingested records: those name people as the MES
 * does ({@code performedBy}, {@code recordedBy}: the MES username), the hub knows its users by token subject, printed
 * name and Keycloak username ({@code preferred_username}). A Keycloak user is known by their Keycloak username (so a
 * person whose MES username equals it needs no entry) and by every MES username this table maps to it
 * ({@code batchledger.identity.mes-usernames.<mes-username>: <keycloak-username>}, for people whose names differ).
 * Names compare ignoring case. A wrong or stale entry can only refuse a step someone else might take, never let
 * someone verify or review their own record: the comparison adds names, it removes none.
 *
 * @param mesUsernames MES username to Keycloak username
 */
@ConfigurationProperties("batchledger.identity")
record MesUsernames(@DefaultValue Map<String, String> mesUsernames) {
    public MesUsernames {
        mesUsernames = (mesUsernames == null ? Map.<String, String>of() : mesUsernames).entrySet().stream().collect(Collectors.toMap(e -> normal(e.getKey()),
                e -> normal(e.getValue()), (a, b) -> {
                    throw new IllegalArgumentException("batchledger.identity.mes-usernames names one MES username "
                            + "twice (ignoring case), for " + a + " and " + b);
                }, TreeMap::new));
    }

    /** No MES username differs from its Keycloak username. */
    static MesUsernames none() {
        return new MesUsernames(Map.of());
    }

    /** The names a Keycloak user is known by: the username itself and the MES usernames mapped to it. */
    Set<String> knownAs(String keycloakUsername) {
        if (keycloakUsername == null || keycloakUsername.isBlank()) {
            return Set.of();
        }
        String user = normal(keycloakUsername);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(user), mesUsernames.entrySet().stream()
                .filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey)).collect(Collectors.toUnmodifiableSet());
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
