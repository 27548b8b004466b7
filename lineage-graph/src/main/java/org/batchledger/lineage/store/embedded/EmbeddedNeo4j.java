package org.batchledger.lineage.store.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j Community embedded, reachable only over Bolt on 127.0.0.1. Authentication is off because the socket is
 * loopback-only; tampering by anyone with local access is what the ledger's verification catches.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final DatabaseManagementService dbms;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService dbms, int boltPort) {
        this.dbms = dbms;
        this.boltPort = boltPort;
    }

    /**
     * Starts the server with its files under {@code home}; port 0 picks a free port.
     *
     * @throws PortInUseException when the Bolt port is taken, so the caller can say so plainly
     */
    public static EmbeddedNeo4j start(Path home, int boltPort) {
        return start(home, boltPort, true);
    }

    /**
     * As {@link #start(Path, int)}; without our procedures the server is like an external Neo4j that lacks them
     * (tests of the hub's fallbacks use that).
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, boolean withProcedures) {
        int port = boltPort == 0 ? freePort() : requireFree(boltPort);
        LOG.info("Starting embedded Neo4j in {} with Bolt on {}:{}", home.toAbsolutePath(), LOOPBACK, port);
        SocketAddress bolt = new SocketAddress(LOOPBACK, port);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // A client's read-your-writes wait; the default 30 s lets a forged bookmark hold a request long.
                .setConfig(GraphDatabaseSettings.bookmark_ready_timeout, java.time.Duration.ofSeconds(5))
                .build();
        if (withProcedures) {
            registerProcedures(dbms);
        }
        return new EmbeddedNeo4j(dbms, port);
    }

    /** Our server-side procedures (the one-round-trip trace); a failure here leaves the server unusable, so stop. */
    private static void registerProcedures(DatabaseManagementService dbms) {
        try {
            var database = (org.neo4j.kernel.internal.GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            database.getDependencyResolver().resolveDependency(org.neo4j.kernel.api.procedure.GlobalProcedures.class)
                    .registerProcedure(org.batchledger.lineage.genealogy.server.TraceProcedure.class);
        } catch (org.neo4j.internal.kernel.api.exceptions.ProcedureException | RuntimeException e) {
            dbms.shutdown();
            throw new IllegalStateException("Could not register the hub's Neo4j procedures: " + e.getMessage(), e);
        }
    }

    /** The routing URI, so the driver talks to the embedded server exactly as to a cluster. */
    public URI boltUri() {
        return URI.create("neo4j://" + LOOPBACK + ":" + boltPort);
    }

    public int boltPort() {
        return boltPort;
    }

    @Override
    public void close() {
        LOG.info("Stopping embedded Neo4j");
        dbms.shutdown();
    }

    private static int requireFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            return port;
        } catch (IOException e) {
            throw new PortInUseException(port);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for embedded Neo4j", e);
        }
    }

    /** The configured Bolt port is taken, most often by another hub or a Neo4j server. */
    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(int port) {
            super("Bolt port " + LOOPBACK + ":" + port + " is already in use (another hub or Neo4j server?). "
                    + "Stop it, or set BATCHLEDGER_NEO4J_EMBEDDED_BOLT_PORT to a free port.");
        }
    }
}
