package org.batchledger.hub.signature;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code batchledger.signature.*}.
 *
 * @param reauthenticationWindow how recent the signer's last authentication must be (21 CFR 11.200), default 5 min
 * @param directGrantClients     clients whose tokens come only from the password grant (no browser flow, no SSO):
 *                               for them the realm's {@code authenticators_completed} claim dates the password
 *                               check (config/keycloak/README.md); every other token needs {@code auth_time}
 * @param meanings               a site's own role-meaning rules file; empty: the rules shipped with the hub
 */
@ConfigurationProperties("batchledger.signature")
record SignatureProperties(@DefaultValue("PT5M") Duration reauthenticationWindow,
                           @DefaultValue("hub-cli") List<String> directGrantClients, Path meanings) {
}
