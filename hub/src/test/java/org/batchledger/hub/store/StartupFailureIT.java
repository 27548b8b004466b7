package org.batchledger.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.batchledger.hub.HubApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** REQ-RELIABILITY-001, bad input: an unreachable external Neo4j stops the hub with a plain message. */
@Tag("REQ-RELIABILITY-001")
class StartupFailureIT {

    @Test
    void unreachableExternalNeo4jStopsTheHubSayingWhereItLooked() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        String uri = "neo4j://127.0.0.1:" + closedPort;
        SpringApplication app = new SpringApplication(HubApplication.class);
        assertThatThrownBy(() -> app.run("--batchledger.neo4j.uri=" + uri, "--server.port=0",
                "--batchledger.demo-plant.enabled=false"))
                .satisfies(e -> {
                    FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(e);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("Neo4j at " + uri + " is unreachable");
                    assertThat(analysis.getAction()).contains("BATCHLEDGER_NEO4J_URI");
                });
    }
}
