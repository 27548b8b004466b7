package org.batchledger.lineage.genealogy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.batchledger.lineage.genealogy.Bfs;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/**
 * REQ-GENEALOGY-012: the server-side trace skips the staging marks only while no ingest lease is held. Here a lease
 * is taken and a staged edge committed just after the trace has read the head (Neo4j reads committed data, so the
 * walk then meets the edge): the procedure sees the lease changed, walks again with the marks and hides it — where
 * the walk without marks, as shown, would have listed it. In-process, on an embedded database of its own, so the
 * moment of the concurrent commit is exact.
 */
@Tag("REQ-GENEALOGY-012")
class TraceDuringIngestLeaseIT {
    private DatabaseManagementService dbms;
    private GraphDatabaseService db;

    @BeforeEach
    void genealogy(@TempDir Path home) {
        // no connector: this test talks to the database in-process only
        dbms = new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false).setConfig(HttpsConnector.enabled, false).build();
        db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // lot L → batch B → lot O, all committed (head 3); no lease ever taken
        cypher("""
                CREATE (:LedgerHead {id: 'main', seq: 3})
                CREATE (l:Lot {key: 'L', version: 1, ledgerSeq: 1})
                CREATE (b:Batch {key: 'B', version: 1, ledgerSeq: 2})
                CREATE (o:Lot {key: 'O', version: 1, ledgerSeq: 3})
                CREATE (l)-[:CONSUMED_IN {ledgerSeq: 2}]->(b)-[:PRODUCED {ledgerSeq: 3}]->(o)""");
    }

    @AfterEach
    void stop() {
        dbms.shutdown();
    }

    @Test
    void aLeaseTakenWhileTheTraceRunsMakesItWalkAgainWithTheMarksSoTheStagedEdgeStaysHidden() {
        assertThat(trace(false)).containsExactly("L", "B", "O");
        assertThat(trace(true)).as("lease and staged edge committed mid-trace").containsExactly("L", "B", "O");
        assertThat(trace(false)).as("lease held").containsExactly("L", "B", "O");

        try (Transaction tx = db.beginTx()) {
            var withoutMarks = new ServerExpansion(tx, null, true);
            withoutMarks.start(RecordType.LOT, "L");
            var leak = Bfs.walk(new RecordRef(RecordType.LOT, "L"), TraceDirection.DOWNSTREAM, limits(),
                    System.nanoTime() + 10_000_000_000L, withoutMarks);
            assertThat(leak.nodes()).as("the walk without marks, had the procedure not checked the lease again")
                    .extracting(n -> n.ref().key()).contains("S");
        }

        // the file is published: the head covers the staged entries and the lease ends
        cypher("MATCH (h:LedgerHead) SET h.seq = 4 REMOVE h.ingestKey");
        assertThat(trace(false)).containsExactly("L", "B", "S", "O");
    }

    /** The procedure's node keys in answer order; {@code stageMidway}: a lease and a staged edge commit meanwhile. */
    private List<String> trace(boolean stageMidway) {
        try (Transaction tx = db.beginTx()) {
            var procedure = new TraceProcedure();
            procedure.tx = stageMidway ? stagingAfterFirstHeadRead(tx) : tx;
            var reach = procedure.trace("Lot", "L", "DOWNSTREAM", 10, 1000, 10_000_000_000L, null).toList();
            assertThat(reach).hasSize(1);
            return reach.getFirst().keys;
        }
    }

    /**
     * The transaction, except that once the procedure has read the lease state (a head lookup and its properties)
     * and begins the walk, another transaction takes a lease and stages.
     */
    private Transaction stagingAfterFirstHeadRead(Transaction tx) {
        var fired = new AtomicBoolean();
        return (Transaction) Proxy.newProxyInstance(Transaction.class.getClassLoader(),
                new Class<?>[] {Transaction.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("findNode") && !fired.getAndSet(true)) {
                        // a large file's ingest: its lease, then a staged batch S consuming L beyond the head
                        var writer = Thread.ofPlatform().start(() -> cypher("""
                                MATCH (h:LedgerHead {id: 'main'}), (l:Lot {key: 'L'})
                                SET h.ingestKey = 'file', h.leases = coalesce(h.leases, 0) + 1
                                CREATE (l)-[:CONSUMED_IN {ledgerSeq: 4, supersededAtSeq: 0}]->
                                       (:Batch {key: 'S', version: 1, ledgerSeq: 4, supersededAtSeq: 0})"""));
                        writer.join();
                    }
                    try {
                        return method.invoke(tx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void cypher(String statement) {
        try (Transaction tx = db.beginTx()) {
            tx.execute(statement).close();
            tx.commit();
        }
    }

    private static TraceLimits limits() {
        return new TraceLimits(10, 1000, Duration.ofSeconds(10));
    }
}
