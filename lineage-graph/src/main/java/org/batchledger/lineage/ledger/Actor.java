package org.batchledger.lineage.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who caused a ledger entry (21 CFR 11.10(e): attributable).
 *
 * @param subject     stable identity (the token's {@code sub}, or a system name)
 * @param displayName printed name
 * @param roles       realm roles at the time
 * @param clientId    the OAuth client the change came through
 * @param knownAs     other names records may give this person: their login username (the token's
 *                    {@code preferred_username}) and the usernames other systems (the MES) record them by; read for
 *                    segregation of duties only, never ledgered
 */
public record Actor(String subject, String displayName, List<String> roles, String clientId, Set<String> knownAs) {
    /** The realm roles (DESIGN.md, security model); rules as data naming another are refused when read. */
    public static final Set<String> REALM_ROLES =
            Set.of("operator", "qa-reviewer", "qa-release", "inspector", "adapter", "admin");

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(displayName, "displayName");
        roles = List.copyOf(roles);
        Objects.requireNonNull(clientId, "clientId");
        knownAs = knownAs.stream().filter(n -> n != null && !n.isBlank()).map(Actor::normal)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Someone known by subject and printed name only. */
    public Actor(String subject, String displayName, List<String> roles, String clientId) {
        this(subject, displayName, roles, clientId, Set.of());
    }

    /** The hub itself, e.g. loading the demo plant. */
    public static Actor system(String name) {
        return new Actor("system:" + name, name, List.of("system"), "batch-ledger-hub");
    }

    /**
     * Whether a record naming {@code name} (as recorder, performer or signer) names this person: their subject, or
     * their printed name or any name they are known by, ignoring case and surrounding space. A name that lists
     * several people ("akowalski, bnguyen", as an MES segment with several performers is recorded) names each.
     * Segregation of duties reads this: a false match refuses a step, never lets one through.
     */
    public boolean isNamed(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        if (name.equals(subject) || matches(name)) {
            return true;
        }
        return name.indexOf(',') >= 0 && Arrays.stream(name.split(",")).anyMatch(this::matches);
    }

    private boolean matches(String name) {
        String n = normal(name);
        return !n.isEmpty() && (n.equals(normal(subject)) || n.equals(normal(displayName)) || knownAs.contains(n));
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
