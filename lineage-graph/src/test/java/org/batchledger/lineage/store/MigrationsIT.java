package org.batchledger.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/**
 * REQ-RELIABILITY-004, migration V003: the version backfill commits in batches inside the migration, so it
 * fits the transaction memory of a multi-million-node graph, and still reaches every record written before versions.
 */
@Tag("REQ-RELIABILITY-004")
class MigrationsIT {
    private static final int OLD_LOTS = 40;
    private static final int OLD_BATCHES = 13;
    private static final int BATCH_SIZE = 7;

    @TempDir
    Path home;

    @Test
    void v003BackfillsVersionOneOnEveryOldRecordNodeAcrossManyBatchesAndReapplyingChangesNothing() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
             Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db, Migrations.SCRIPTS.subList(0, 2), BATCH_SIZE);
            writeOldStyleRecords(db);
            assertThat(count(db, "MATCH (n) WHERE n.ledgerSeq IS NOT NULL AND n.version IS NULL")).isEqualTo(OLD_LOTS + OLD_BATCHES);

            Migrations.apply(db, Migrations.SCRIPTS, BATCH_SIZE);

            assertThat(OLD_LOTS + OLD_BATCHES).as("more records than one batch holds").isGreaterThan(3 * BATCH_SIZE);
            assertThat(count(db, "MATCH (n) WHERE n.ledgerSeq IS NOT NULL AND n.version IS NULL")).isZero();
            assertThat(count(db, "MATCH (n:Lot {version: 1})")).isEqualTo(OLD_LOTS);
            assertThat(count(db, "MATCH (n:Batch {version: 1})")).isEqualTo(OLD_BATCHES);
            assertThat(count(db, "MATCH (n:LedgerHead) WHERE n.version IS NOT NULL")).as("not a record").isZero();
            assertThat(count(db, "MATCH (m:SchemaMigration {version: 'V003'})")).isEqualTo(1);

            long constraints = count(db, "SHOW CONSTRAINTS YIELD name");
            Migrations.apply(db, Migrations.SCRIPTS, BATCH_SIZE);
            assertThat(count(db, "SHOW CONSTRAINTS YIELD name")).isEqualTo(constraints);
            assertThat(count(db, "MATCH (m:SchemaMigration)")).isEqualTo(Migrations.SCRIPTS.size());
        }
    }

    @Test
    void aBatchedBackfillInterruptedPartWayIsFinishedByTheNextRun() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
             Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db, Migrations.SCRIPTS.subList(0, 2), BATCH_SIZE);
            writeOldStyleRecords(db);
            // As if a first run committed some batches and then died before V003 was recorded.
            db.write(tx -> tx.run("MATCH (n:Lot) WITH n LIMIT $n SET n.version = 1", Map.of("n", BATCH_SIZE)).consume());

            Migrations.apply(db, Migrations.SCRIPTS, BATCH_SIZE);

            assertThat(count(db, "MATCH (n) WHERE n.ledgerSeq IS NOT NULL AND n.version IS NULL")).isZero();
            assertThat(count(db, "MATCH (n) WHERE n.ledgerSeq IS NOT NULL AND n.version = 1"))
                    .isEqualTo(OLD_LOTS + OLD_BATCHES);
        }
    }

    /** Records as the write path made them before V003: key and ledgerSeq, no version; plus a non-record node. */
    private static void writeOldStyleRecords(GraphDatabase db) {
        db.write(tx -> {
            tx.run("UNWIND range(1, $n) AS i CREATE (:Lot {key: 'old:LOT-' + i, ledgerSeq: i})",
                    Map.of("n", OLD_LOTS)).consume();
            tx.run("UNWIND range(1, $n) AS i CREATE (:Batch {key: 'old:B-' + i, ledgerSeq: $lots + i})",
                    Map.of("n", OLD_BATCHES, "lots", OLD_LOTS)).consume();
            return tx.run("CREATE (:LedgerHead {id: 'main', seq: $seq})", Map.of("seq", OLD_LOTS + OLD_BATCHES))
                    .consume();
        });
    }

    private static long count(GraphDatabase db, String match) {
        return db.read(tx -> tx.run(match + " RETURN count(*) AS n", Map.of()).single().get("n").asLong());
    }
}
