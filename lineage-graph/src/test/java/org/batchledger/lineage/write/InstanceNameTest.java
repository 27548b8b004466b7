package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The name a hub gives its ingest lease: a lease an earlier run of the same instance held is recovered at once, so
 * two hubs must never share a name by default (a service manager does not export {@code HOSTNAME}).
 */
@Tag("REQ-INGEST-305")
class InstanceNameTest {

    @Test
    void theHostnameVariableNamesTheInstanceWhenSet() {
        assertThat(LedgeredWrite.instanceName("hub-a.plant.example")).isEqualTo("hub-a.plant.example");
    }

    @Test
    void withoutTheVariableTheHostsOwnNameDoesNotEveryHubCallingItselfLocalhost() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();

        assertThat(LedgeredWrite.instanceName(null)).isEqualTo(host);
        assertThat(LedgeredWrite.instanceName("  ")).isEqualTo(host);
    }
}
