package org.batchledger.lineage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.StoredCheckpoint;
import org.batchledger.lineage.ledger.proof.Frontier;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.tile.TileLog;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/**
 * A database of the layout before tiles (a {@code LedgerEntry} node per entry, a {@code MerkleNode} per hash) is
 * converted on start: same leaves and root, so a checkpoint signed before the conversion still verifies after it;
 * the old nodes are gone; an interrupted conversion is finished by the next start; the ledger then grows on tiles.
 */
@Tag("REQ-LEDGER-020")
@Tag("REQ-RELIABILITY-004")
class LegacyLedgerMigrationIT {
    private static final int BATCH = 5;
    @TempDir
    Path home;
    @TempDir
    Path keys;

    @Test
    void anOldLayoutLedgerIsConvertedAndItsSignedCheckpointStillVerifies() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
             Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            RecordWriter writer = new RecordWriter(db, new LedgerAppender(Clock.systemUTC()));
            for (int i = 0; i < 6; i++) {
                writer.write(WriteRequest.of(SmallPlant.step("-" + i), SmallPlant.OPERATOR, "load"));
            }
            int entries = 42;
            String rootBefore = db.read(LedgerHead::read).root();
            StoredCheckpoint signedBefore = SmallPlant.checkpoints(db, keys).latest();
            rewriteAsOldLayout(db);
            assertThat(count(db, "MATCH (e:LedgerEntry) RETURN count(e) AS n")).isEqualTo(entries);
            db.write(tx -> tx.run("MATCH (s:SchemaMigration {version: 'V005'}) DELETE s", Map.of()).consume());

            Migrations.apply(db);

            assertThat(count(db, "MATCH (e:LedgerEntry) RETURN count(e) AS n")).isZero();
            assertThat(count(db, "MATCH (m:MerkleNode) RETURN count(m) AS n")).isZero();
            assertThat(count(db, "MATCH (b:LedgerBundle) RETURN sum(b.width) AS n")).isEqualTo(entries);
            assertThat(db.read(LedgerHead::read).root()).isEqualTo(rootBefore).isEqualTo(signedBefore.rootHash());
            LedgerReport report = verifier(db).verify(signedBefore.note());
            assertThat(report.problems()).isEmpty();
            assertThat(report.ok()).isTrue();

            writer.write(WriteRequest.of(SmallPlant.step("-after"), SmallPlant.OPERATOR, "load"));
            assertThat(verifier(db).verify(signedBefore.note()).ok()).as("the ledger grows on tiles").isTrue();
        }
    }

    @Test
    void aConversionInterruptedPartWayIsFinishedByTheNextStartInSmallBatches() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
             Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            RecordWriter writer = new RecordWriter(db, new LedgerAppender(Clock.systemUTC()));
            for (int i = 0; i < 4; i++) {
                writer.write(WriteRequest.of(SmallPlant.step("-" + i), SmallPlant.OPERATOR, "load"));
            }
            String rootBefore = db.read(LedgerHead::read).root();
            List<byte[]> converted = rewriteAsOldLayout(db);
            // As if a first start converted the first 11 entries and then died.
            db.write(tx -> TileLog.append(tx, 0, converted.subList(0, 11)));

            LegacyLedgerMigration.convertAll(db, BATCH);
            // what Migrations does after the conversion: the old nodes go (verification names any left over)
            db.write(tx -> tx.run("MATCH (n) WHERE n:LedgerEntry OR n:MerkleNode DELETE n", Map.of()).consume());

            assertThat(count(db, "MATCH (e:LedgerEntry) RETURN count(e) AS n")).isZero();
            assertThat(count(db, "MATCH (b:LedgerBundle) RETURN sum(b.width) AS n")).isEqualTo(28);
            assertThat(db.read(LedgerHead::read).root()).isEqualTo(rootBefore);
            assertThat(verifier(db).verify(null).ok()).isTrue();
        }
    }

    private LedgerVerifier verifier(GraphDatabase db) {
        return new LedgerVerifier(db, NoteVerifier.of(SmallPlant.signer(keys).verifierKey()));
    }

    /** Replaces the tiles by what the hub before tiles stored, and returns the entries' canonical bytes. */
    private static List<byte[]> rewriteAsOldLayout(GraphDatabase db) {
        List<LedgerEntry> entries = db.read(tx -> LedgerBundles.page(tx, 0, Long.MAX_VALUE - 1, 100_000));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (LedgerEntry e : entries) {
            rows.add(StoredEntries.properties(e, e.entryHash()));
            bytes.add(e.canonicalBytes());
        }
        Frontier.Appended tree = Frontier.empty().appendAll(bytes.stream().map(MerkleHash::leaf).toList());
        List<List<Object>> nodes = tree.completed().stream().map(n -> List.<Object>of(n.id().level(), n.id().index(),
                HexFormat.of().formatHex(n.hash()))).toList();
        db.write(tx -> {
            tx.run("MATCH (n) WHERE n:LedgerTile OR n:LedgerBundle DELETE n", Map.of()).consume();
            tx.run("UNWIND $rows AS r CREATE (e:LedgerEntry) SET e = r", Map.of("rows", rows)).consume();
            return tx.run("UNWIND $nodes AS n CREATE (:MerkleNode {level: n[0], index: n[1], hash: n[2]})",
                    Map.of("nodes", nodes)).consume();
        });
        return bytes;
    }

    private static long count(GraphDatabase db, String cypher) {
        return db.read(tx -> tx.run(cypher, Map.of()).single().get("n").asLong());
    }
}
