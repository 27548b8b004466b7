package org.batchledger.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.TcpProxy;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The graph database going away mid-run (its connections reset and new ones refused, by a loopback relay the test
 * cuts): reads and writes answer a typed SERVICE_UNAVAILABLE within seconds, nothing is written in part, and the
 * hub serves again by itself once the database is back — no restart. Keycloak going away: tokens already issued
 * keep working (the realm's keys are cached), and the hub carries on when it is back. The hub connects with {@code bolt://} here:
 * a routing {@code neo4j://} driver would learn the server's own address and go round the relay.
 */
@Tag("REQ-RELIABILITY-010")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DependencyOutageIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final TcpProxy PROXY = proxy(NEO4J.uri().getPort());
    private static final TcpProxy JWKS = proxy(java.net.URI.create(TOKENS.jwkSetUri()).getPort());
    private static final Path DATA_DIR = dataDirectory();

    @LocalServerPort
    private int port;
    private static final String READ = "{ batches(first: 5) { edges { node { id } } } }";
    private static final String CORRECT = """
            mutation { correct(id: "Lot:t:LOT-OUT", reason: "weighing transcription error",
                changes: [{field: "quantity", value: "117.5"}]) { version } }""";

    /** HubTestBase's hub, but through the relay and with a data directory of its own (its own checkpoint log). */
    @DynamicPropertySource
    static void throughTheRelay(DynamicPropertyRegistry registry) {
        registry.add("batchledger.neo4j.uri", () -> "bolt://127.0.0.1:" + PROXY.port());
        registry.add("batchledger.neo4j.retry-time", () -> "3s");
        registry.add("batchledger.keycloak.issuer", () -> TestTokens.ISSUER);
        registry.add("batchledger.keycloak.jwk-set-uri", () -> TOKENS.jwkSetUri()
                .replace(":" + java.net.URI.create(TOKENS.jwkSetUri()).getPort() + "/", ":" + JWKS.port() + "/"));
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("batchledger.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void oneStep() throws IOException {
        NEO4J.clean();
        Files.deleteIfExists(DATA_DIR.resolve("keys").resolve(CheckpointLog.FILE_NAME));
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void requestsFailFastTypedWhileTheDatabaseIsAwayNothingIsWrittenAndTheHubRecoversByItself() throws Exception {
        long before = treeSize();
        PROXY.cut();
        try {
            long t0 = System.nanoTime();
            Response read = graphql().post(inspector(), READ);
            Response write = graphql().post(TOKENS.forUser("operator", "operator"), CORRECT);
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertThat(read.errorClass()).as("%s", read.body()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(write.errorClass()).as("%s", write.body()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(read.body().toString()).doesNotContain("Exception", "127.0.0.1");
            assertThat(seconds).as("both answered within the driver's retry time, not minutes").isLessThan(30);
        } finally {
            PROXY.restore();
        }

        Response again = null;
        for (int i = 0; i < 60 && (again == null || again.hasErrors()); i++) {
            Thread.sleep(500);
            again = graphql().post(inspector(), READ);
        }
        assertThat(again.hasErrors()).as("the hub serves again without a restart: %s", again.body()).isFalse();
        assertThat(treeSize()).as("the refused write left nothing").isEqualTo(before);
        assertThat(graphql().post(inspector(), "{ verifyLedger { ok } }").body().getJsonObject("data")
                .getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }

    @Test
    void issuedTokensKeepWorkingWhileKeycloakIsAwayAndTheHubCarriesOnWhenItIsBack() {
        assertThat(graphql().post(inspector(), READ).hasErrors()).as("the realm's keys fetched once").isFalse();
        JWKS.cut();
        try {
            Response r = graphql().post(inspector(), READ);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasErrors()).as("a token of a known key needs no call to Keycloak: %s", r.body()).isFalse();
            assertThat(graphql().post(TOKENS.expired("inspector", "inspector"), READ).status()).isEqualTo(401);
        } finally {
            JWKS.restore();
        }
        assertThat(graphql().post(inspector(), READ).hasErrors()).isFalse();
    }

    private long treeSize() {
        return graphql().post(inspector(), "{ ledgerCheckpoint { treeSize } }").body().getJsonObject("data")
                .getJsonObject("ledgerCheckpoint").getJsonNumber("treeSize").longValue();
    }

    private GraphQlHttp graphql() {
        return new GraphQlHttp(port);
    }

    private static String inspector() {
        return TOKENS.forUser("inspector", "inspector");
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hub-outage-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TcpProxy proxy(int port) {
        try {
            return new TcpProxy(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
