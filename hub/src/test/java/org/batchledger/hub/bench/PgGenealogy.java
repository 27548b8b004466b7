package org.batchledger.hub.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.postgresql.PGConnection;

/**
 * The genealogy as a PostgreSQL team would hold it — {@code node(id, key)} and {@code edge(src, dst)} with both
 * directions indexed, loaded with {@code COPY} from the same CSR — and the two {@code WITH RECURSIVE} forms they would
 * write: the best one ({@code UNION} over node ids only, deduplicating as it goes) and the common one
 * ({@code UNION ALL} carrying the path array for cycle protection and the hop count, then {@code DISTINCT}). Both
 * hand every reached node's key to the caller, as a trace must (the hub's lanes do): a server-side count would skip
 * the transfer the other lanes pay.
 */
final class PgGenealogy implements AutoCloseable {
    private static final String BEST = """
            WITH RECURSIVE r(id) AS (
                SELECT id FROM node WHERE key = ?
                UNION
                SELECT e.%2$s FROM r JOIN edge e ON e.%1$s = r.id)
            SELECT n.key FROM r JOIN node n ON n.id = r.id""";
    private static final String COMMON = """
            WITH RECURSIVE r(id, hop, path) AS (
                SELECT id, 0, ARRAY[id] FROM node WHERE key = ?
                UNION ALL
                SELECT e.%2$s, r.hop + 1, r.path || e.%2$s FROM r JOIN edge e ON e.%1$s = r.id
                WHERE r.hop < ? AND e.%2$s <> ALL(r.path))
            SELECT n.key FROM (SELECT DISTINCT id FROM r) d JOIN node n ON n.id = d.id""";
    private final Connection connection;
    private final PreparedStatement[] best = new PreparedStatement[2];
    private final PreparedStatement[] common = new PreparedStatement[2];

    private PgGenealogy(Connection connection) throws SQLException {
        this.connection = connection;
        for (TraceDirection d : TraceDirection.values()) {
            String from = d == TraceDirection.DOWNSTREAM ? "src" : "dst";
            String to = d == TraceDirection.DOWNSTREAM ? "dst" : "src";
            best[d.ordinal()] = connection.prepareStatement(BEST.formatted(from, to));
            common[d.ordinal()] = connection.prepareStatement(COMMON.formatted(from, to));
        }
    }

    /** Creates, loads ({@code COPY … FROM STDIN}), indexes and analyzes; returns the peer and the load seconds. */
    static PgGenealogy load(LocalPostgres pg, Csr csr, StringBuilder log) throws SQLException, IOException {
        Connection c = pg.connect();
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNLOGGED TABLE node (id int NOT NULL, key text NOT NULL)");
            s.execute("CREATE UNLOGGED TABLE edge (src int NOT NULL, dst int NOT NULL)");
        }
        var copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
        StringBuilder nodes = new StringBuilder();
        for (int v = 0; v < csr.nodes(); v++) {
            nodes.append(v).append('\t').append(csr.keys[v]).append('\n');
        }
        copy.copyIn("COPY node FROM STDIN", new StringReader(nodes.toString()));
        StringBuilder edges = new StringBuilder();
        for (int v = 0; v < csr.nodes(); v++) {
            for (int i = csr.offsets[v]; i < csr.offsets[v + 1]; i++) {
                edges.append(v).append('\t').append(csr.targets[i]).append('\n');
            }
        }
        copy.copyIn("COPY edge FROM STDIN", new StringReader(edges.toString()));
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE node ADD PRIMARY KEY (id)");
            s.execute("CREATE UNIQUE INDEX node_key ON node (key)");
            s.execute("CREATE INDEX edge_down ON edge (src, dst)");
            s.execute("CREATE INDEX edge_up ON edge (dst, src)");
            s.execute("VACUUM ANALYZE node");
            s.execute("VACUUM ANALYZE edge");
        }
        log.append("PostgreSQL: %,d nodes and %,d edges loaded with COPY, indexed and analyzed in %.1f s".formatted(
                csr.nodes(), csr.targets.length, (System.nanoTime() - t0) / 1e9));
        return new PgGenealogy(c);
    }

    int best(String key, TraceDirection direction) {
        return keys(best[direction.ordinal()], key, -1);
    }

    int common(String key, TraceDirection direction, int maxHops) {
        return keys(common[direction.ordinal()], key, maxHops);
    }

    /** Statement timeout for what follows (the common form is exponential in paths on reconverging genealogy). */
    void timeout(int millis) {
        try (Statement s = connection.createStatement()) {
            s.execute("SET statement_timeout = " + millis);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int keys(PreparedStatement statement, String key, int maxHops) {
        try {
            statement.setString(1, key);
            if (maxHops >= 0) {
                statement.setInt(2, maxHops);
            }
            try (ResultSet r = statement.executeQuery()) {
                int rows = 0;
                while (r.next()) {
                    if (r.getString(1) != null) {
                        rows++;
                    }
                }
                return rows;
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) { // query_canceled: the statement timeout
                throw new Measure.TimedOut();
            }
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
