package org.batchledger.lineage.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Who caused a ledger entry (21 CFR 11.10(e): attributable).
 *
 * @param subject     stable identity (the token's {@code sub}, or a system name)
 * @param displayName printed name
 * @param roles       realm roles at the time
 * @param clientId    the OAuth client the change came through
 */
public record Actor(String subject, String displayName, List<String> roles, String clientId) {
    /** The realm roles (DESIGN.md, security model); rules as data naming another are refused when read. */
    public static final java.util.Set<String> REALM_ROLES =
            java.util.Set.of("operator", "qa-reviewer", "qa-release", "inspector", "adapter", "admin");

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(displayName, "displayName");
        roles = List.copyOf(roles);
        Objects.requireNonNull(clientId, "clientId");
    }

    /** The hub itself, e.g. loading the demo plant. */
    public static Actor system(String name) {
        return new Actor("system:" + name, name, List.of("system"), "batch-ledger-hub");
    }
}
