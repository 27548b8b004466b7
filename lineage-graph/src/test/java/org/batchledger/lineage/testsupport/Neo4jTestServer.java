package org.batchledger.lineage.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.RecordWriter;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;
import org.testcontainers.utility.MountableFile;

/**
 * One Neo4j per test JVM, started on first use and stopped at JVM exit. Docker present ⇒ a Testcontainers
 * Neo4j (image {@value #IMAGE}); no Docker ⇒ embedded Neo4j on a free loopback port. The system property
 * {@code batchledger.test.neo4j} ({@code auto}, {@code embedded}, {@code testcontainers}) overrides the choice.
 * Tests call {@link #clean()} to start from an empty graph with the schema applied.
 */
public final class Neo4jTestServer {
    static final String IMAGE = "neo4j:2026.08.1-community";
    private static Neo4jTestServer shared;

    private final URI uri;
    private final Driver driver;
    private final GraphDatabase db;
    private final String kind;

    private Neo4jTestServer(URI uri, Driver driver, String kind) {
        this.uri = uri;
        this.driver = driver;
        this.db = new GraphDatabase(driver, "neo4j");
        this.kind = kind;
    }

    public static synchronized Neo4jTestServer shared() {
        if (shared == null) {
            shared = switch (System.getProperty("batchledger.test.neo4j", "auto")) {
                case "embedded" -> embedded();
                case "testcontainers" -> container();
                default -> dockerAvailable() ? container() : embedded();
            };
            Migrations.apply(shared.db);
        }
        return shared;
    }

    public GraphDatabase db() {
        return db;
    }

    public Driver driver() {
        return driver;
    }

    public URI uri() {
        return uri;
    }

    /** "testcontainers" or "embedded": which server these tests ran on. */
    public String kind() {
        return kind;
    }

    public RecordWriter writer() {
        return new RecordWriter(db, new LedgerAppender(Clock.systemUTC()));
    }

    /** Deletes every node but the schema bookkeeping, so each test starts from an empty ledger and graph. */
    public void clean() {
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * The trace procedure's plugin jar built by lineage-graph's package phase: {@code batchledger.neo4j.plugin}, else
     * found under this module's or lineage-graph's {@code target/}.
     */
    public static Optional<Path> pluginJar() {
        String configured = System.getProperty("batchledger.neo4j.plugin");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        for (Path dir : List.of(Path.of("target"), Path.of("..", "lineage-graph", "target"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    Optional<Path> jar = files.filter(f -> f.getFileName().toString().endsWith("-neo4j-plugin.jar"))
                            .findFirst();
                    if (jar.isPresent()) {
                        return jar;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    private static Neo4jTestServer container() {
        // A server without the trace procedure would run the traces hop by hop and fail the round-trip tests.
        Path plugin = pluginJar().orElseThrow(() -> new IllegalStateException("Docker is here but the trace "
                + "procedure's plugin jar is not: build lineage-graph's package phase (mvn verify does)"));
        // the same bookmark timeout as the embedded server's, so bookmark tests behave alike on both
        Neo4jContainer neo4j = new Neo4jContainer(IMAGE).withoutAuthentication()
                .withPlugins(MountableFile.forHostPath(plugin))
                .withNeo4jConfig("db.transaction.bookmark_ready_timeout", "5s");
        neo4j.start();
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::stop));
        URI uri = URI.create(neo4j.getBoltUrl().replace("bolt://", "neo4j://"));
        return new Neo4jTestServer(uri, org.neo4j.driver.GraphDatabase.driver(uri, AuthTokens.none()), "testcontainers");
    }

    private static Neo4jTestServer embedded() {
        Path home = tempHome();
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
        Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            driver.close();
            neo4j.close();
        }));
        return new Neo4jTestServer(neo4j.boltUri(), driver, "embedded");
    }

    private static Path tempHome() {
        try {
            Path target = Path.of("target");
            return Files.createTempDirectory(Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")),
                    "neo4j-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
