package org.batchledger.hub.workflow;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The re-authentication settings transitions share with signatures ({@code batchledger.signature.*}: a transition
 * is a signature), read here again so the workflow feature does not depend on the signature feature.
 */
@ConfigurationProperties("batchledger.signature")
record WorkflowProperties(@DefaultValue("PT5M") Duration reauthenticationWindow,
                          @DefaultValue("hub-cli") Set<String> directGrantClients) {
}
